//! Whose survey an SKM result is (docs/SKM.md §Whose result): the unit layanan surveyed, its OPD
//! and the survey period. An IKM is published per unit and period, so the report's header, its
//! running footer and its file name carry them; they are kept with the figures and prefilled from
//! the open assessment.

use crate::instrument::Lang;

/// The unit, OPD and period an SKM result belongs to, as the official typed them (docs/SKM.md
/// §Whose result).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    /// The unit layanan surveyed ("Bidang Pelayanan Pendaftaran Penduduk").
    pub unit: String,
    /// The OPD it belongs to ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman").
    pub opd: String,
    /// The survey period ("Januari–Juni 2026").
    pub period: String,
}

/// The longest name kept for each field (a pasted page cannot fill the report).
pub const SUBJECT_MAX_CHARS: usize = 300;

/// A typed name cut to [`SUBJECT_MAX_CHARS`], its line breaks and tabs made spaces.
fn tidy(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).take(SUBJECT_MAX_CHARS).collect()
}

impl Subject {
    /// A result naming its unit only (documents of the tests and of older callers).
    pub fn unit(name: &str) -> Subject {
        Subject { unit: tidy(name), ..Subject::default() }
    }

    /// The three names, each tidied as the report and the storage keep them.
    pub fn new(unit: &str, opd: &str, period: &str) -> Subject {
        Subject { unit: tidy(unit), opd: tidy(opd), period: tidy(period) }
    }

    /// True when nothing is named.
    pub fn is_empty(&self) -> bool {
        [&self.unit, &self.opd, &self.period].iter().all(|s| s.trim().is_empty())
    }

    /// Each empty name taken from the open assessment (its OPD and the unit being walked); what
    /// the official typed stays (docs/SKM.md §Whose result).
    pub fn prefilled(&self, opd: &str, unit: &str) -> Subject {
        let pick = |kept: &str, from: &str| {
            if kept.trim().is_empty() {
                tidy(from.trim())
            } else {
                kept.to_string()
            }
        };
        Subject {
            unit: pick(&self.unit, unit),
            opd: pick(&self.opd, opd),
            period: self.period.clone(),
        }
    }

    /// "Loket KK · Disdukcapil · Januari–Juni 2026": the names given, for a title or a footer;
    /// "SKM" when none is.
    pub fn label(&self) -> String {
        let parts: Vec<&str> = [&self.unit, &self.opd, &self.period]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if parts.is_empty() {
            "SKM".to_string()
        } else {
            parts.join(" · ")
        }
    }

    /// The stem of a download's name: "skm ikm", the unit and the period (the OPD after them,
    /// as far as the name's length allows), so each unit's and period's files differ.
    pub fn file_stem(&self) -> String {
        format!("skm ikm {} {} {}", self.unit.trim(), self.period.trim(), self.opd.trim())
    }

    /// A name as a document shows it: "—" when it was left empty.
    pub fn shown(name: &str) -> &str {
        if name.trim().is_empty() {
            "—"
        } else {
            name.trim()
        }
    }
}

/// The calculator's heading of the three names, and the hint under the period (docs/SKM.md
/// §Whose result).
pub fn subject_legend(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Id => ("Survei ini milik", "Misalnya: Januari–Juni 2026"),
        Lang::En => ("Whose survey this is", "For example: January–June 2026"),
    }
}

/// The labels of the three names on the calculator and in the documents (docs/SKM.md §Whose
/// result): unit layanan, OPD, survey period.
pub fn subject_labels(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Id => ["Unit layanan", "Perangkat daerah (OPD)", "Periode survei"],
        Lang::En => ["Service unit", "Agency (OPD)", "Survey period"],
    }
}
