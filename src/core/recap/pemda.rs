//! Which pemda the recap is about, from the files themselves (docs/SCORING.md §Pemda recap): the
//! heading names the pemda most files name, and when the files name different pemda, or some name
//! none, the recap's one summary says so on the screen and in every file.

use super::words::Listed;
use super::{normalise_opd, Recap};
use crate::instrument::Lang;

/// The pemda the files name, most files first (then in the order they first occur), each with
/// how many files name it, and how many files name none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pemdas {
    /// (name as first written, files), most files first.
    pub named: Vec<(String, usize)>,
    /// Files read that name no pemda.
    pub unnamed: usize,
}

/// Counts the pemda of every file read; names that differ only in case, spaces or punctuation are
/// one pemda ([`normalise_opd`]), written as most of its files write it.
pub fn pemdas(r: &Recap) -> Pemdas {
    let mut out = Pemdas::default();
    // Per pemda: its key and each spelling with its files, in order of first occurrence.
    let mut seen: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    for o in r.groups.iter().flat_map(|g| &g.opds) {
        let key = normalise_opd(&o.pemda);
        let name = o.pemda.trim().to_string();
        if key.is_empty() {
            out.unnamed += 1;
            continue;
        }
        let k = match seen.iter().position(|(x, _)| *x == key) {
            Some(k) => k,
            None => {
                seen.push((key, Vec::new()));
                seen.len() - 1
            }
        };
        let spellings = &mut seen[k].1;
        match spellings.iter_mut().find(|(s, _)| *s == name) {
            Some((_, n)) => *n += 1,
            None => spellings.push((name, 1)),
        }
    }
    for (_, spellings) in seen {
        let files = spellings.iter().map(|(_, n)| n).sum();
        // The first of the most used spellings (`max_by_key` would take the last).
        let top = spellings.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let name = spellings.into_iter().find(|(_, n)| *n == top).map(|(s, _)| s);
        out.named.push((name.unwrap_or_default(), files));
    }
    // A stable sort keeps the order of first occurrence among equal counts.
    crate::order::sort_by(&mut out.named, |a, b| b.1.cmp(&a.1));
    out
}

impl Pemdas {
    /// The heading: the pemda most files name; `None` when no file names one.
    pub fn heading(&self) -> Option<String> {
        self.named.first().map(|(name, _)| name.clone())
    }

    /// "Berkas berasal dari 2 pemerintah daerah: A (4 berkas), B (1 berkas)."; `None` with one
    /// pemda or none.
    pub fn mixed(&self, lang: Lang) -> Option<Listed> {
        if self.named.len() < 2 {
            return None;
        }
        let n = self.named.len();
        let names =
            self.named.iter().map(|(name, k)| format!("{name} ({})", files(*k, lang))).collect();
        let lead = match lang {
            Lang::Id => format!("Berkas berasal dari {n} pemerintah daerah"),
            Lang::En => format!("The files come from {n} local governments"),
        };
        Some(Listed { lead, names })
    }

    /// "1 berkas tidak menyebut pemerintah daerahnya."; `None` when every file names one, or none
    /// does (then there is no heading to doubt).
    pub fn missing(&self, lang: Lang) -> Option<String> {
        if self.unnamed == 0 || self.named.is_empty() {
            return None;
        }
        Some(match lang {
            Lang::Id => {
                format!("{} tidak menyebut pemerintah daerahnya.", files(self.unnamed, lang))
            }
            Lang::En if self.unnamed == 1 => "1 file names no local government.".to_string(),
            Lang::En => format!("{} files name no local government.", self.unnamed),
        })
    }
}

fn files(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} berkas"),
        (Lang::En, 1) => "1 file".into(),
        (Lang::En, n) => format!("{n} files"),
    }
}
