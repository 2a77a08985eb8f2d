//! The follow-up register (tindak lanjut produk Ombudsman): every Ombudsman product addressed to
//! the body, with its status. It decides whether the opinion may carry "Tanpa Maladministrasi"
//! and never changes the score (docs/SCORING.md §Opinion; Perombudsman 61/2025 as reported).

use crate::instrument::{Lang, Localized};

/// The kinds of Ombudsman product a body must act on (UU 37/2008 Pasal 8, 37–38; the 2025 round
/// measures compliance with them, docs/SCORING.md §Opinion).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Tindakan korektif (from a LAHP).
    #[default]
    TindakanKorektif,
    /// Saran perbaikan (from a systemic review, LHA).
    SaranPerbaikan,
    /// Saran penyempurnaan.
    SaranPenyempurnaan,
    /// Rekomendasi.
    Rekomendasi,
}

impl Kind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [Kind; 4] =
        [Kind::TindakanKorektif, Kind::SaranPerbaikan, Kind::SaranPenyempurnaan, Kind::Rekomendasi];

    /// The name as the Ombudsman writes it.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::TindakanKorektif, Lang::Id) => "Tindakan korektif",
            (Kind::TindakanKorektif, Lang::En) => "Corrective action",
            (Kind::SaranPerbaikan, Lang::Id) => "Saran perbaikan",
            (Kind::SaranPerbaikan, Lang::En) => "Suggestion for improvement",
            (Kind::SaranPenyempurnaan, Lang::Id) => "Saran penyempurnaan",
            (Kind::SaranPenyempurnaan, Lang::En) => "Suggestion for refinement",
            (Kind::Rekomendasi, Lang::Id) => "Rekomendasi",
            (Kind::Rekomendasi, Lang::En) => "Recommendation",
        }
    }
}

/// How far the body has acted on a product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    /// Belum ditindaklanjuti.
    #[default]
    Belum,
    /// Dalam proses.
    DalamProses,
    /// Selesai.
    Selesai,
}

impl Status {
    /// Every status, in the order the form offers them.
    pub const ALL: [Status; 3] = [Status::Belum, Status::DalamProses, Status::Selesai];

    /// The status in words.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Belum, Lang::Id) => "Belum ditindaklanjuti",
            (Status::Belum, Lang::En) => "Not acted on yet",
            (Status::DalamProses, Lang::Id) => "Dalam proses",
            (Status::DalamProses, Lang::En) => "In progress",
            (Status::Selesai, Lang::Id) => "Selesai",
            (Status::Selesai, Lang::En) => "Done",
        }
    }
}

/// One Ombudsman product addressed to the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUp {
    /// Stable id inside the assessment, e.g. `"t3"`.
    pub id: String,
    /// Kind of product.
    pub kind: Kind,
    /// Its number as written on it.
    pub number: String,
    /// Its date, ISO `yyyy-mm-dd` as typed.
    pub date: String,
    /// What it asks the body to do.
    pub asks: String,
    /// How far the body is.
    pub status: Status,
    /// Evidence of the follow-up (document numbers, links).
    pub evidence: String,
    /// The deadline, ISO `yyyy-mm-dd` as typed.
    pub deadline: String,
}

/// Whether the opinion may say "Tanpa Maladministrasi" (docs/SCORING.md §Opinion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Every registered product is done: the suffix is added.
    Earned,
    /// The user stated that no Ombudsman product was addressed to the body: the suffix is added
    /// (assumed, docs/SCORING.md §Opinion).
    NoneAddressed,
    /// This many registered products are not done yet.
    Open(usize),
    /// Nothing registered and not stated that there is nothing: the register is not filled in.
    NotFilled,
}

impl Qualifier {
    /// True when the opinion carries the suffix: every product done, or none addressed
    /// (docs/SCORING.md §Opinion).
    pub fn earned(self) -> bool {
        matches!(self, Qualifier::Earned | Qualifier::NoneAddressed)
    }
}

/// The qualifier of a register: earned exactly when every registered product is `Selesai`, or
/// when none is registered and the user said so (`none_stated`; that case is assumed,
/// docs/SCORING.md §Opinion).
pub fn qualifier(items: &[FollowUp], none_stated: bool) -> Qualifier {
    let open = items.iter().filter(|f| f.status != Status::Selesai).count();
    match (items.is_empty(), open) {
        (true, _) if none_stated => Qualifier::NoneAddressed,
        (true, _) => Qualifier::NotFilled,
        (false, 0) => Qualifier::Earned,
        (false, n) => Qualifier::Open(n),
    }
}

/// The qualifier of a pemda over its bodies' registers: earned when every one is earned, else the
/// open items added up, else not filled in.
pub fn combine(all: &[Qualifier]) -> Qualifier {
    let open: usize = all.iter().map(|q| if let Qualifier::Open(n) = q { *n } else { 0 }).sum();
    if open > 0 {
        Qualifier::Open(open)
    } else if !all.is_empty() && all.iter().all(|q| *q == Qualifier::NoneAddressed) {
        Qualifier::NoneAddressed
    } else if !all.is_empty() && all.iter().all(|q| q.earned()) {
        Qualifier::Earned
    } else {
        Qualifier::NotFilled
    }
}

/// True when an item is not done and its deadline lies before `as_of` (the assessment's date,
/// ISO `yyyy-mm-dd`), so the report says so as of the date it carries (docs/SCORING.md §Opinion).
pub fn overdue(f: &FollowUp, as_of: &str) -> bool {
    let iso = |d: &str| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
    f.status != Status::Selesai && iso(&f.deadline) && iso(as_of) && f.deadline.as_str() < as_of
}

/// The open items, earliest deadline first (an item without a deadline last): what to fix first.
pub fn open_items(items: &[FollowUp]) -> Vec<&FollowUp> {
    let mut v: Vec<&FollowUp> = items.iter().filter(|f| f.status != Status::Selesai).collect();
    crate::order::sort_by(&mut v, |a, b| {
        (a.deadline.is_empty(), &a.deadline).cmp(&(b.deadline.is_empty(), &b.deadline))
    });
    v
}

/// The sentence that says why the suffix is or is not there.
pub fn qualifier_text(q: Qualifier, word: &Localized, lang: Lang) -> String {
    let w = word.get(lang);
    match (q, lang) {
        (Qualifier::Earned, Lang::Id) => {
            format!("Semua produk Ombudsman telah ditindaklanjuti: sebutan “{w}” dapat diberikan.")
        }
        (Qualifier::Earned, Lang::En) => {
            format!("Every Ombudsman product has been acted on: “{w}” can be given.")
        }
        (Qualifier::NoneAddressed, Lang::Id) => {
            format!("Tidak ada produk Ombudsman untuk instansi ini: sebutan “{w}” dapat diberikan.")
        }
        (Qualifier::NoneAddressed, Lang::En) => {
            format!("No Ombudsman product was addressed to this body: “{w}” can be given.")
        }
        (Qualifier::Open(n), Lang::Id) => format!(
            "{n} produk Ombudsman belum selesai ditindaklanjuti, jadi sebutan “{w}” belum dapat \
             diberikan. Nilai tidak berubah karenanya."
        ),
        (Qualifier::Open(n), Lang::En) => format!(
            "{n} Ombudsman product(s) not yet fully acted on, so “{w}” cannot be given yet. The \
             score does not change because of it."
        ),
        (Qualifier::NotFilled, Lang::Id) => format!(
            "Daftar tindak lanjut produk Ombudsman belum diisi, jadi sebutan “{w}” belum dapat \
             dinilai."
        ),
        (Qualifier::NotFilled, Lang::En) => format!(
            "The register of Ombudsman products has not been filled in, so “{w}” cannot be judged \
             yet."
        ),
    }
}
