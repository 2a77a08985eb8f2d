//! What the SKM calculator accepts from the official (docs/SKM.md §Input, §Sample size): a tally
//! typed into a box, and whether the number of respondents is small for a survey of Permenpan RB
//! 14/2017.

use crate::instrument::Lang;

/// Why a typed tally was refused; the previous tally stays in use (docs/SKM.md §Input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountError {
    /// Nothing typed.
    Empty,
    /// A minus sign before the digits.
    Negative {
        /// What was typed (trimmed).
        text: String,
    },
    /// Anything but the digits 0–9: "3,5", "1.000", "sepuluh".
    NotWhole {
        /// What was typed (trimmed).
        text: String,
    },
    /// More than a tally can hold (more than 4 294 967 295).
    TooLarge {
        /// What was typed (trimmed).
        text: String,
    },
}

/// A tally typed into a box of the calculator: the digits 0–9 only, spaces around them allowed
/// (docs/SKM.md §Input). Never read as 0 when refused.
pub fn parse_count(raw: &str) -> Result<u32, CountError> {
    let text = raw.trim();
    let owned = || text.to_string();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // "-5" with the keyboard's minus, or "−5" with the typographic one.
    let unsigned = text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}'));
    if unsigned.is_some_and(|s| digits(s.trim_start())) {
        return Err(CountError::Negative { text: owned() });
    }
    if !digits(text) {
        return Err(CountError::NotWhole { text: owned() });
    }
    text.parse().map_err(|_| CountError::TooLarge { text: owned() })
}

/// A typed text cut to 24 characters for a message, so a pasted page cannot fill the screen.
pub(super) fn shown(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

impl CountError {
    /// The message shown next to the box, in the user's language; `kept` is the tally still in
    /// use.
    pub fn message(&self, lang: Lang, kept: u32) -> String {
        let why = match (self, lang) {
            (CountError::Empty, Lang::Id) => {
                "Kotak ini kosong. Isi 0 bila tidak ada responden yang memilih nilai ini.".into()
            }
            (CountError::Empty, Lang::En) => {
                "This box is empty. Type 0 if no respondent chose this value.".into()
            }
            (CountError::Negative { text }, Lang::Id) => format!(
                "“{}” tidak bisa dipakai: jumlah responden tidak mungkin negatif.",
                shown(text)
            ),
            (CountError::Negative { text }, Lang::En) => format!(
                "“{}” cannot be used: a number of respondents cannot be negative.",
                shown(text)
            ),
            (CountError::NotWhole { text }, Lang::Id) => format!(
                "“{}” bukan jumlah responden. Isi bilangan bulat: 0, 1, 2, dan seterusnya, \
                 tanpa titik atau koma.",
                shown(text)
            ),
            (CountError::NotWhole { text }, Lang::En) => format!(
                "“{}” is not a number of respondents. Type a whole number: 0, 1, 2 and so on, \
                 without points or commas.",
                shown(text)
            ),
            (CountError::TooLarge { text }, Lang::Id) => {
                format!("“{}” terlalu besar untuk jumlah responden.", shown(text))
            }
            (CountError::TooLarge { text }, Lang::En) => {
                format!("“{}” is too large for a number of respondents.", shown(text))
            }
        };
        match lang {
            Lang::Id => format!("{why} Angka sebelumnya ({kept}) tetap dipakai."),
            Lang::En => format!("{why} The previous number ({kept}) is still used."),
        }
    }
}

/// Below this many respondents patuh calls an SKM sample small. **Assumed**: Permenpan RB 14/2017
/// sets the minimum by the population served, with a table patuh does not reproduce; 30 is the
/// number the Ombudsman asks per service product for its own public survey (docs/SKM.md §Sample
/// size, docs/SCORING.md §Public trust). It is never shown as the regulation's minimum.
pub const SMALL_SAMPLE_BELOW: u64 = 30;

/// What patuh can say about the number of respondents (docs/SKM.md §Sample size).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    /// Fewer than [`SMALL_SAMPLE_BELOW`]: small for any survey of a service used by many people.
    Small,
    /// Not checked: the minimum depends on the population, which patuh does not know.
    Unchecked,
}

impl Sample {
    /// The check of `respondents` (docs/SKM.md §Sample size).
    pub fn of(respondents: u64) -> Sample {
        if respondents < SMALL_SAMPLE_BELOW {
            Sample::Small
        } else {
            Sample::Unchecked
        }
    }

    /// The warning (for [`Sample::Small`]) or the reminder (for [`Sample::Unchecked`]) an official
    /// reads with the result: the regulation's minimum depends on the population; no figure is
    /// given for it (docs/SKM.md §Sample size).
    pub fn message(self, respondents: u64, lang: Lang) -> String {
        match (self, lang) {
            (Sample::Small, Lang::Id) => format!(
                "Sampel kecil: baru {respondents} responden. Permenpan RB 14/2017 menetapkan \
                 jumlah responden minimal menurut jumlah populasi (banyaknya pengguna layanan). \
                 Cocokkan dengan tabel sampel dalam pedoman itu sebelum hasil ini dipakai. \
                 (patuh memberi peringatan ini bila responden kurang dari {SMALL_SAMPLE_BELOW}; \
                 batas itu perkiraan patuh, bukan angka peraturan.)"
            ),
            (Sample::Small, Lang::En) => format!(
                "Small sample: only {respondents} respondents. Permenpan RB 14/2017 sets the \
                 minimum number of respondents by the population (how many people use the \
                 service). Check it against the sample table of that guideline before this \
                 result is used. (patuh gives this warning below {SMALL_SAMPLE_BELOW} \
                 respondents; that limit is patuh's estimate, not a figure of the regulation.)"
            ),
            (Sample::Unchecked, Lang::Id) => format!(
                "Permenpan RB 14/2017 menetapkan jumlah responden minimal menurut jumlah \
                 populasi (banyaknya pengguna layanan); patuh tidak mengetahui populasinya, jadi \
                 cocokkan {respondents} responden ini dengan tabel sampel dalam pedoman itu."
            ),
            (Sample::Unchecked, Lang::En) => format!(
                "Permenpan RB 14/2017 sets the minimum number of respondents by the population \
                 (how many people use the service); patuh does not know the population, so \
                 check these {respondents} respondents against the sample table of that \
                 guideline."
            ),
        }
    }
}
