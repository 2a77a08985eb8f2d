//! The recap's counts and status in words, Indonesian and English: the one text the recap screen,
//! HTML, PDF and CSV say, so that they cannot differ (docs/SCORING.md §Pemda recap). Sentences are
//! written to be read aloud ("5 berkas dipilih, 4 terbaca, 1 tidak dapat dibaca: rusak.json.").

use super::{Counted, FileCounts, Group, Reason, Recap, Status};
use crate::instrument::{Instrument, Lang};
use crate::open;

/// A sentence that may end with names users typed (file names, periods): the words, then the
/// names, so that a renderer can isolate each name (HTML `<bdi>`, docs/SCORING.md §Pemda recap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The words: a whole sentence without names, or the lead before ": names.".
    pub lead: String,
    /// The names, in order; empty when the sentence has none.
    pub names: Vec<String>,
}

impl Listed {
    /// The plain sentence: "5 berkas dipilih, 4 terbaca, 1 tidak dapat dibaca: rusak.json."
    pub fn text(&self) -> String {
        if self.names.is_empty() {
            self.lead.clone()
        } else {
            format!("{}: {}.", self.lead, self.names.join(", "))
        }
    }
}

/// The recap's counts and status in one language (docs/SCORING.md §Pemda recap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryWords {
    /// "5 berkas dipilih, 4 terbaca, 1 tidak dapat dibaca: rusak.json."
    pub files: Listed,
    /// The heading: the pemda most files name ([`super::pemdas`]); `None` when none names one.
    pub pemda: Option<String>,
    /// "Berkas berasal dari 2 pemerintah daerah: …"; `None` with one pemda.
    pub pemdas: Option<Listed>,
    /// "1 berkas tidak menyebut pemerintah daerahnya."; `None` when every file names one.
    pub no_pemda: Option<String>,
    /// Each refused file with its reason (`open::message`), in input order.
    pub refused: Vec<(String, String)>,
    /// Per group, in the order of `Recap::groups`.
    pub groups: Vec<GroupWords>,
}

/// One group's counts and status in words (docs/SCORING.md §Pemda recap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupWords {
    /// True when the pemda score is provisional ([`Status::provisional`]).
    pub provisional: bool,
    /// "Sementara" or "Final".
    pub label: &'static str,
    /// "Nilai ini rata-rata 12 unit layanan dari 4 berkas OPD."
    pub counted: String,
    /// Why the score is provisional, or that it is final, without the label (a badge or a column
    /// says [`GroupWords::label`]).
    pub status: String,
    /// The same OPD more than once for the same period; `None` without duplicates.
    pub duplicates: Option<String>,
    /// The files come from several periods, named; `None` with one period.
    pub periods: Option<Listed>,
    /// Units/products without a score, left out; `None` when every one has a score.
    pub unscored: Option<String>,
}

/// The recap in words: the view-model the screen and every recap file render.
pub fn summary(r: &Recap, lang: Lang) -> SummaryWords {
    let pemdas = super::pemdas(r);
    SummaryWords {
        pemda: pemdas.heading(),
        pemdas: pemdas.mixed(lang),
        no_pemda: pemdas.missing(lang),
        files: Listed {
            lead: files_line(r.files, lang),
            names: r.errors.iter().map(|e| e.name.clone()).collect(),
        },
        refused: r.errors.iter().map(|e| (e.name.clone(), open::message(&e.error, lang))).collect(),
        groups: r.groups.iter().map(|g| group_words(g, lang)).collect(),
    }
}

fn group_words(g: &Group, lang: Lang) -> GroupWords {
    let what = counted_text(g.distribution.counted, lang);
    let unscored = g.distribution.unscored;
    GroupWords {
        provisional: g.status.provisional(),
        label: status_label(&g.status, lang),
        counted: counted_line(g.scored(), what, g.opds.len(), lang),
        status: status_line(&g.status, lang),
        duplicates: (!g.duplicates.is_empty()).then(|| duplicates_line(g.duplicates.len(), lang)),
        periods: (g.periods.len() > 1)
            .then(|| Listed { lead: periods_line(lang).to_string(), names: g.periods.clone() }),
        unscored: (unscored > 0).then(|| unscored_line(unscored, what, lang)),
    }
}

/// What the recap calls a band: under an opinion instrument its quality label ("Kualitas Sedang",
/// docs/SCORING.md §Opinion: the zone is only the 2022–24 equivalent, not a 2025 result), else its
/// zone ("Zona Hijau"). `None` for a band the instrument does not have.
pub fn band_name(ins: &Instrument, band: usize, lang: Lang) -> Option<String> {
    let def = ins.bands.get(band)?;
    Some(if ins.opinion.is_some() {
        def.label.get(lang).to_string()
    } else {
        crate::report::zone_name(def.zone, lang).to_string()
    })
}

/// "unit layanan" / "produk layanan": what the pemda score and the distribution count
/// (docs/SOURCES.md §Aggregation 2022–2024, §Aggregation 2016–2021).
pub fn counted_text(counted: Counted, lang: Lang) -> &'static str {
    match (counted, lang) {
        (Counted::Units, Lang::Id) => "unit layanan",
        (Counted::Products, Lang::Id) => "produk layanan",
        (Counted::Units, Lang::En) => "service units",
        (Counted::Products, Lang::En) => "service products",
    }
}

fn files_line(f: FileCounts, lang: Lang) -> String {
    match (lang, f.chosen, f.refused) {
        (Lang::Id, 0, _) => "Belum ada berkas yang dipilih.".into(),
        (Lang::En, 0, _) => "No file chosen yet.".into(),
        (Lang::Id, n, 0) => format!("{n} berkas dipilih, semuanya terbaca."),
        (Lang::En, n, 0) => format!("{n} files chosen, all read."),
        (Lang::Id, n, bad) => {
            format!("{n} berkas dipilih, {} terbaca, {bad} tidak dapat dibaca", f.read)
        }
        (Lang::En, n, bad) => {
            format!("{n} files chosen, {} read, {bad} could not be read", f.read)
        }
    }
}

fn counted_line(scored: usize, what: &str, files: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Nilai ini rata-rata {scored} {what} dari {files} berkas OPD."),
        Lang::En => format!("This score is the mean of {scored} {what} in {files} OPD files."),
    }
}

/// "Sementara" / "Provisional" or "Final" (docs/SCORING.md §Common rules).
pub fn status_label(s: &Status, lang: Lang) -> &'static str {
    label(s.provisional(), lang)
}

/// "Sementara" / "Provisional" while anything is missing, else "Final" (docs/SCORING.md §Common
/// rules): a unit row of the recap CSV says it too.
pub fn label(provisional: bool, lang: Lang) -> &'static str {
    match (provisional, lang) {
        (true, Lang::Id) => "Sementara",
        (true, Lang::En) => "Provisional",
        (false, _) => "Final",
    }
}

fn status_line(s: &Status, lang: Lang) -> String {
    if !s.provisional() {
        return match lang {
            Lang::Id => {
                "Semua berkas yang dipilih terbaca dan semua indikatornya sudah dijawab.".into()
            }
            Lang::En => "Every file chosen was read and every indicator in it is answered.".into(),
        };
    }
    let reasons: Vec<String> = s.reasons.iter().map(|r| reason_text(*r, lang)).collect();
    reasons.join(" ")
}

fn reason_text(r: Reason, lang: Lang) -> String {
    match (r, lang) {
        (Reason::Unanswered { indicators, files }, Lang::Id) => format!(
            "{indicators} indikator belum dijawab di {files} berkas; indikator yang belum dijawab \
             dihitung belum terpenuhi, jadi nilai ini batas bawah."
        ),
        (Reason::Unanswered { indicators, files }, Lang::En) => format!(
            "{indicators} indicators are unanswered in {files} files; unanswered indicators count \
             as unmet, so this score is a floor."
        ),
        (Reason::Unreadable { files }, Lang::Id) => {
            format!("{files} berkas tidak dapat dibaca, jadi isinya belum masuk nilai ini.")
        }
        (Reason::Unreadable { files }, Lang::En) => {
            format!("{files} files could not be read, so what they hold is not in this score.")
        }
    }
}

fn duplicates_line(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "OPD yang sama muncul lebih dari sekali untuk periode yang sama ({n} OPD, ditandai \
             duplikat di tabel). Semua berkasnya tetap dihitung; hapus salah satu berkas bila itu \
             duplikat."
        ),
        Lang::En => format!(
            "The same OPD appears more than once for the same period ({n} OPDs, marked duplicate \
             in the table). Every file still counts; remove one file if it is a duplicate."
        ),
    }
}

fn periods_line(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Berkas berasal dari beberapa periode",
        Lang::En => "The files come from several periods",
    }
}

fn unscored_line(n: usize, what: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{n} {what} belum bernilai (tidak ada indikator yang berlaku) dan tidak dihitung."
        ),
        Lang::En => format!("{n} {what} have no score (nothing applicable) and are not counted."),
    }
}
