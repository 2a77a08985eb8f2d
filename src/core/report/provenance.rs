//! Who assessed what against which instrument, and the provenance of every assumed rule
//! (docs/SOURCES.md §Confidence tags).

use super::model::{Assumption, Identity, InstrumentInfo, NamedUnit, SourceRef};
use super::opinion_texts;
use super::texts::texts;
use super::wording::{confidence_text, format_date};
use crate::assessment::Assessment;
use crate::instrument::{Instrument, Lang, Localized, Scale};

pub(super) fn identity(a: &Assessment, lang: Lang) -> Identity {
    Identity {
        opd: a.opd.clone(),
        pemda: a.pemda.clone(),
        units: a
            .units
            .iter()
            .map(|u| NamedUnit {
                name: u.name.clone(),
                products: u.products.iter().map(|p| p.name.clone()).collect(),
            })
            .collect(),
        assessor_name: a.assessor_name.clone(),
        assessor_position: a.assessor_position.clone(),
        period: a.period.clone(),
        date: format_date(&a.date, lang),
    }
}

pub(super) fn instrument_info(ins: &Instrument, lang: Lang) -> InstrumentInfo {
    let words = |s: &Scale| -> Vec<String> {
        s.options.iter().map(|o| format!("{} = {}", o.label.get(lang), o.points)).collect()
    };
    let mut scale = words(&ins.scale);
    scale.push(ins.scale.not_applicable.get(lang).to_string());
    // The other words of the same scale, each as one item ("Dimensi Output: 0 · Sering … = 0, …").
    for n in &ins.scales {
        scale.push(format!("{}: {}", n.applies_to.get(lang), words(&n.scale).join(", ")));
    }
    InstrumentInfo {
        id: ins.id.clone(),
        title: ins.title.get(lang).to_string(),
        years: ins.years.clone(),
        legal_basis: ins.legal_basis.get(lang).to_string(),
        version: ins.version.clone(),
        edition: edition(ins, lang),
        provisional: ins.provisional,
        scale,
        sources: ins
            .sources
            .iter()
            .map(|s| SourceRef { title: s.title.clone(), url: s.url.clone() })
            .collect(),
    }
}

/// The provenance of every assumed rule (docs/SOURCES.md §Confidence tags): weights, scale meaning,
/// aggregation with its confidence, and every assumed section and indicator.
pub(super) fn assumptions(ins: &Instrument, lang: Lang) -> Vec<Assumption> {
    let t = texts(lang);
    let mut out = Vec::new();
    let mut add = |subject: String, reason: &Localized| {
        out.push(Assumption { subject, reason: reason.get(lang).to_string() });
    };
    if ins.provisional {
        add(t.provisional_instrument.to_string(), &ins.summary);
    }
    if let Some(w) = &ins.scoring.weights_assumed {
        add(t.weights.to_string(), w);
    }
    if let Some(s) = &ins.scale.assumed {
        add(t.scale_meaning.to_string(), s);
    }
    for n in &ins.scales {
        if let Some(s) = &n.scale.assumed {
            add(format!("{} ({})", t.scale_meaning, n.applies_to.get(lang)), s);
        }
    }
    let conf = confidence_text(ins.scoring.aggregation_confidence, lang);
    add(format!("{} ({}: {conf})", t.aggregation, t.confidence), &ins.scoring.aggregation);
    if let Some(o) = &ins.opinion {
        add(o.output.title.get(lang).to_string(), &o.output.assumed);
        add(o.trust.title.get(lang).to_string(), &o.trust.assumed);
        let ot = opinion_texts(lang);
        add(ot.unit_labels.to_string(), &o.unit_labels_assumed);
        add(ot.lowest_edge.to_string(), &o.lowest_assumed);
        add(o.qualifier.get(lang).to_string(), &o.qualifier_none_assumed);
        add(ot.zones_2025.to_string(), &o.zones_note);
    }
    for sec in &ins.sections {
        if let Some(r) = &sec.assumed {
            add(format!("{}: {}", t.section, sec.title.get(lang)), r);
        }
        for ind in &sec.indicators {
            if let Some(r) = &ind.assumed {
                add(ind.text.get(lang).to_string(), r);
            }
        }
    }
    out
}

/// The instrument data in one sentence for a reader: its title, rounds and edition, shown only
/// with the provenance of the rules, never in a footer (docs/SOURCES.md §Source index).
fn edition(ins: &Instrument, lang: Lang) -> String {
    let [lead, edition] = texts(lang).edition;
    format!("{lead} {} ({}), {edition}{}.", ins.title.get(lang), ins.years, ins.version)
}
