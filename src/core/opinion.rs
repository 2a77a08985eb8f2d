//! The 2025 "Opini Ombudsman" as published (docs/SCORING.md §Opinion): the quality label from the
//! score (the 2022–24 cut-offs, the lowest edge assumed), plus "Tanpa Maladministrasi" exactly when
//! every Ombudsman product registered for the body is done — the score never changes with it —
//! each unit's service label, the certificate rule, and the zone only as the pre-2025 translation.
//! [`view`] is the one place the opinion is worded: the result screen and every file render it.

use crate::assessment::Assessment;
use crate::exact::Hundredths;
use crate::followup::{self, FollowUp, Kind, Qualifier, Status};
use crate::instrument::{Instrument, Lang, Localized, OpinionRules};
use crate::report::{format_date, zone_name, Figure};
use crate::secondary::OutputFigure;
use crate::trust;

/// The quality label of a rounded score: the instrument's band label ("Kualitas Sedang").
pub fn quality(ins: &Instrument, score: Hundredths) -> &Localized {
    &ins.band(score).label
}

/// The opinion as published: "Kualitas Sedang" or "Kualitas Sedang Tanpa Maladministrasi".
pub fn words(ins: &Instrument, score: Hundredths, q: Qualifier, lang: Lang) -> String {
    let label = quality(ins, score).get(lang);
    match (&ins.opinion, q) {
        (Some(o), q) if q.earned() => format!("{label} {}", o.qualifier.get(lang)),
        _ => label.to_string(),
    }
}

/// True when the score earns the Opini certificate: only the highest quality band (docs/SCORING.md
/// §Opinion).
pub fn certificate(ins: &Instrument, score: Hundredths) -> bool {
    ins.bands.last().is_some_and(|b| score.0 >= b.min)
}

/// A unit's service label (Sangat Baik / Baik / Cukup / Kurang; edges assumed).
pub fn unit_label(ins: &Instrument, score: Hundredths, lang: Lang) -> Option<String> {
    ins.opinion.as_ref()?.unit_label(score.0).map(|l| l.get(lang).to_string())
}

/// One Ombudsman product of the register, worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpView {
    /// Stable id.
    pub id: String,
    /// "Tindakan korektif"…
    pub kind: String,
    /// Number as written.
    pub number: String,
    /// Date written out.
    pub date: String,
    /// What it asks.
    pub asks: String,
    /// Status in words.
    pub status: String,
    /// True when done.
    pub done: bool,
    /// Evidence as typed.
    pub evidence: String,
    /// Deadline written out, with "(lewat batas waktu)" when it passed unmet; or empty.
    pub deadline: String,
}

/// One Output figure, worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureView {
    /// Unit name.
    pub unit: String,
    /// Figure name.
    pub title: String,
    /// The value, "Tidak berlaku", or "Belum diisi".
    pub value: String,
    /// Source and year as typed.
    pub source: String,
}

/// One product's public-trust survey, worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustView {
    /// Unit name.
    pub unit: String,
    /// Product name.
    pub product: String,
    /// "18 dari 30 responden".
    pub progress: String,
    /// The respondents `progress` counts (18).
    pub respondents: u32,
    /// The target it counts them against (30, docs/SCORING.md §Public trust).
    pub target: u32,
    /// True at the target.
    pub complete: bool,
    /// Trust in percent, when anyone answered.
    pub percent: Option<Figure>,
}

/// The opinion of a result, every text in the report language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpinionView {
    /// The opinion as published, e.g. "Kualitas Sedang Tanpa Maladministrasi"; `None` without a
    /// score.
    pub words: Option<String>,
    /// Whether "Tanpa Maladministrasi" is earned, open, or the register is not filled in.
    pub qualifier: Qualifier,
    /// Why the suffix is or is not there.
    pub qualifier_note: String,
    /// Who gets the certificate, and whether this result would.
    pub certificate: String,
    /// The zone as the pre-2025 translation ("Padanan zona 2022–2024: Zona Kuning").
    pub zone_translation: Option<String>,
    /// The register, open items first by deadline.
    pub followups: Vec<FollowUpView>,
    /// Open register items (they lead "what to fix first").
    pub open: usize,
    /// Output figures per unit.
    pub figures: Vec<FigureView>,
    /// Public-trust surveys per product.
    pub trust: Vec<TrustView>,
}

/// Builds the opinion of an assessment with its rounded score (`None` without a score); `None`
/// for an instrument that gives no opinion.
pub fn view(
    ins: &Instrument,
    a: &Assessment,
    score: Option<Hundredths>,
    lang: Lang,
) -> Option<OpinionView> {
    let o = ins.opinion.as_ref()?;
    let q = followup::qualifier(&a.followups, a.no_followups);
    let earned = score.is_some_and(|s| certificate(ins, s));
    let top = ins.bands.last().map(|b| b.label.get(lang)).unwrap_or_default();
    let cert = match (earned, lang) {
        (true, Lang::Id) => format!("{} Nilai ini berada pada {top}.", o.certificate.get(lang)),
        (true, Lang::En) => format!("{} This score is in {top}.", o.certificate.get(lang)),
        (false, _) => o.certificate.get(lang).to_string(),
    };
    let zone = score.map(|s| {
        let z = zone_name(ins.band(s).zone, lang);
        match lang {
            Lang::Id => format!("Padanan zona menurut aturan 2022–2024 (bukan hasil 2025): {z}"),
            Lang::En => format!("Zone under the 2022–2024 rules (not a 2025 result): {z}"),
        }
    });
    let mut items: Vec<&FollowUp> = followup::open_items(&a.followups);
    let open = items.len();
    items.extend(a.followups.iter().filter(|f| f.status == Status::Selesai));
    Some(OpinionView {
        words: score.map(|s| words(ins, s, q, lang)),
        qualifier: q,
        qualifier_note: followup::qualifier_text(q, &o.qualifier, lang),
        certificate: cert,
        zone_translation: zone,
        followups: items.into_iter().map(|f| followup_view(f, &a.date, lang)).collect(),
        open,
        figures: figures(o, a, lang),
        trust: trust_views(o, a, lang),
    })
}

fn followup_view(f: &FollowUp, as_of: &str, lang: Lang) -> FollowUpView {
    let mut deadline = format_date(&f.deadline, lang);
    if followup::overdue(f, as_of) {
        deadline.push_str(match lang {
            Lang::Id => " (lewat batas waktu)",
            Lang::En => " (past the deadline)",
        });
    }
    FollowUpView {
        id: f.id.clone(),
        kind: Kind::name(f.kind, lang).to_string(),
        number: f.number.clone(),
        date: format_date(&f.date, lang),
        asks: f.asks.clone(),
        status: f.status.name(lang).to_string(),
        done: f.status == Status::Selesai,
        evidence: f.evidence.clone(),
        deadline,
    }
}

/// "Belum diisi" / "Not entered".
pub fn not_entered(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Belum diisi",
        Lang::En => "Not entered",
    }
}

/// "Tidak berlaku" / "Not applicable".
pub fn not_applicable(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Tidak berlaku",
        Lang::En => "Not applicable",
    }
}

fn figure_value(f: Option<&OutputFigure>, lang: Lang) -> String {
    match f {
        Some(x) if x.not_applicable => not_applicable(lang).to_string(),
        Some(x) => x.value().map_or(not_entered(lang).to_string(), |h| Figure::new(h, lang).text),
        None => not_entered(lang).to_string(),
    }
}

fn figures(o: &OpinionRules, a: &Assessment, lang: Lang) -> Vec<FigureView> {
    let mut out = Vec::new();
    for u in &a.units {
        for d in &o.output.figures {
            let f = u.output.get(&d.id);
            let source = f.map(|x| {
                [x.source.trim(), x.year.trim()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            out.push(FigureView {
                unit: u.name.clone(),
                title: format!("{} ({})", d.title.get(lang), d.agency),
                value: figure_value(f, lang),
                source: source.unwrap_or_default(),
            });
        }
    }
    out
}

fn trust_views(o: &OpinionRules, a: &Assessment, lang: Lang) -> Vec<TrustView> {
    let mut out = Vec::new();
    for u in &a.units {
        for p in &u.products {
            out.push(TrustView {
                unit: u.name.clone(),
                product: p.name.clone(),
                progress: trust::progress_text(&o.trust, &p.trust, lang),
                respondents: trust::respondents(&p.trust),
                target: o.trust.target,
                complete: trust::complete(&o.trust, p),
                percent: trust::product_fraction(&o.trust, &p.trust)
                    .map(|f| Figure::percent(f, lang)),
            });
        }
    }
    out
}
