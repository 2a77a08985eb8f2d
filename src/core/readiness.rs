//! Readiness for the Ombudsman's visit under the 2025 opinion (docs/SCORING.md §Readiness): what
//! the evidence checklist and the interview self-check record as ready and as still missing,
//! counted once in [`view`] for the opinion screen and every report file (HTML, PDF, CSV).

use crate::assessment::Assessment;
use crate::evidence::{self, ChecklistRow};
use crate::instrument::{Instrument, Lang};
use crate::interview::{self, ROLES};

/// One person's interview readiness in one unit (docs/SCORING.md §Interview preparation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    /// Unit id (where the screen's self-check stores it).
    pub unit_id: String,
    /// Unit name.
    pub unit: String,
    /// Stable key of the person's role.
    pub role: &'static str,
    /// Who, in the report language.
    pub who: String,
    /// Topics of the questions the person is ready for.
    pub ready: Vec<String>,
    /// Topics of the questions not ready yet.
    pub missing: Vec<String>,
    /// Questions ready.
    pub ready_n: usize,
    /// Questions asked.
    pub total: usize,
    /// "3 dari 5 siap".
    pub count: String,
}

/// Everything recorded as ready and missing before the visit, with the counts, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// Every indicator with evidence items at every place (docs/SCORING.md §Evidence checklist).
    pub evidence: Vec<ChecklistRow>,
    /// Evidence items ready over the whole assessment.
    pub evidence_ready: usize,
    /// Evidence items asked for over the whole assessment.
    pub evidence_total: usize,
    /// "12 dari 18 bukti siap".
    pub evidence_count: String,
    /// Every interviewee of every unit.
    pub interview: Vec<PersonRow>,
    /// Interview questions ready over every unit.
    pub interview_ready: usize,
    /// Interview questions over every unit.
    pub interview_total: usize,
    /// "7 dari 19 pertanyaan wawancara siap".
    pub interview_count: String,
    /// Said instead of the lists when nothing is ticked ready yet; `None` once anything is.
    pub nothing: Option<String>,
}

/// The readiness of an assessment, in `lang`; `None` for an instrument without the opinion, which
/// has no preparation screens (docs/SCORING.md §Readiness).
pub fn view(ins: &Instrument, a: &Assessment, lang: Lang) -> Option<Readiness> {
    ins.opinion.as_ref()?;
    let evidence = evidence::checklist(ins, a, lang);
    let (evidence_ready, evidence_total) = evidence::totals(&evidence);
    let interview = people(a, lang);
    let interview_ready = interview.iter().map(|p| p.ready_n).sum();
    let interview_total = interview.iter().map(|p| p.total).sum();
    let evidence_count = evidence::count_text(evidence_ready, evidence_total, lang);
    let interview_count = interview::total_text(interview_ready, interview_total, lang);
    let nothing = (evidence_ready + interview_ready == 0).then(|| match lang {
        Lang::Id => format!(
            "Belum ada bukti atau kesiapan wawancara yang dicentang siap di patuh \
             ({evidence_count}; {interview_count})."
        ),
        Lang::En => format!(
            "Nothing has been ticked as ready in patuh yet ({evidence_count}; {interview_count})."
        ),
    });
    Some(Readiness {
        evidence,
        evidence_ready,
        evidence_total,
        evidence_count,
        interview,
        interview_ready,
        interview_total,
        interview_count,
        nothing,
    })
}

/// The four interviewees of every unit, in the unit's order (docs/SCORING.md §Interview
/// preparation).
fn people(a: &Assessment, lang: Lang) -> Vec<PersonRow> {
    let mut out = Vec::new();
    for u in &a.units {
        for r in &ROLES {
            let (ready_n, total) = interview::progress(u, r);
            let (ready, missing): (Vec<_>, Vec<_>) = r
                .questions
                .iter()
                .filter_map(|k| interview::question(k))
                .partition(|q| interview::is_ready(u, r, q.key));
            let topics = |v: Vec<&interview::Question>| {
                v.iter().map(|q| interview::pick(&q.topic, lang).to_string()).collect()
            };
            out.push(PersonRow {
                unit_id: u.id.clone(),
                unit: u.name.clone(),
                role: r.key,
                who: interview::role_name(r, lang).to_string(),
                ready: topics(ready),
                missing: topics(missing),
                ready_n,
                total,
                count: interview::ready_text(ready_n, total, lang),
            });
        }
    }
    out
}

/// The fixed words of the readiness section of every report file (docs/SCORING.md §Readiness);
/// the two part headings are the opinion screen's own.
#[derive(Debug)]
pub struct ReadinessTexts {
    /// Heading of the section.
    pub title: &'static str,
    /// Heading: the evidence checklist (as on the opinion screen).
    pub evidence: &'static str,
    /// Heading: the interview preparation (as on the opinion screen).
    pub interview: &'static str,
    /// Column: the indicator.
    pub indicator: &'static str,
    /// Column: unit and product.
    pub place: &'static str,
    /// Column: the count.
    pub count: &'static str,
    /// Column: what is ready.
    pub ready: &'static str,
    /// Column: what is not ready yet (as on the opinion screen).
    pub missing: &'static str,
    /// Column: the person interviewed.
    pub who: &'static str,
    /// Where nothing is in a list.
    pub none: &'static str,
    /// The rule for readers: ticks are the office's own record.
    pub note: &'static str,
}

static ID: ReadinessTexts = ReadinessTexts {
    title: "Kesiapan menghadapi penilaian",
    evidence: "Bukti yang perlu disiapkan",
    interview: "Persiapan wawancara",
    indicator: "Indikator",
    place: "Unit / produk",
    count: "Jumlah",
    ready: "Sudah siap",
    missing: "Yang belum siap",
    who: "Yang diwawancarai",
    none: "Tidak ada",
    note: "Dicentang sendiri oleh kantor di layar Data Opini. Daftar bukti diambil dari aplikasi \
           bukti dukung sebuah pemda dan pembagian pertanyaan wawancara disusun patuh: keduanya \
           bukan daftar resmi Ombudsman dan tidak mengubah nilai.",
};

static EN: ReadinessTexts = ReadinessTexts {
    title: "Readiness for the assessment",
    evidence: "Evidence to prepare",
    interview: "Interview preparation",
    indicator: "Indicator",
    place: "Unit / product",
    count: "Count",
    ready: "Ready",
    missing: "Not ready yet",
    who: "Interviewee",
    none: "None",
    note: "Ticked by the office itself on the opinion data screen. The evidence list comes from \
           one regional government's evidence tracker and who is asked what is patuh's: neither \
           is an official Ombudsman list, and neither changes the score.",
};

/// The readiness texts of a language.
pub fn texts(lang: Lang) -> &'static ReadinessTexts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// "Unit · produk", or the unit alone for a unit-wide indicator.
pub fn place_text(r: &ChecklistRow) -> String {
    match &r.product {
        Some(p) => format!("{} · {}", r.unit, p),
        None => r.unit.clone(),
    }
}
