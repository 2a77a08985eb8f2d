//! Reading an instrument file (`instruments/*.json`, docs/FORMAT.md §Instrument files) from its
//! JSON tree: required fields must be present, optional ones may be left out or `null`.

use crate::assessment::file::localized;
use crate::json::{count, one_of, string, Bad, Obj, Value};

use super::opinion::{FigureDef, LabelDef, OpinionRules, OutputRules, QuestionDef, TrustRules};
use super::{
    BandDef, Confidence, EvidenceDef, Indicator, Instrument, Method, NamedScale, Scale,
    ScaleOption, Scope, Scoring, Section, Source, Zone,
};

/// Reads an instrument (docs/FORMAT.md §Instrument files).
pub fn instrument(v: &Value) -> Result<Instrument, Bad> {
    let o = Obj::of(v)?;
    Ok(Instrument {
        id: o.string("id")?,
        version: o.string("version")?,
        title: localized(o.req("title")?)?,
        years: o.string("years")?,
        legal_basis: localized(o.req("legal_basis")?)?,
        summary: localized(o.req("summary")?)?,
        provisional: o.flag("provisional")?,
        scale: scale(o.req("scale")?)?,
        scales: o.list_or("scales", named_scale)?,
        scoring: scoring(o.req("scoring")?)?,
        bands: o.list("bands", band)?,
        opinion: o.opt("opinion", opinion)?,
        sections: o.list("sections", section)?,
        sources: o.list("sources", source)?,
    })
}

const CONFIDENCE: [(&str, Confidence); 4] =
    [("C", Confidence::C), ("C2", Confidence::C2), ("P", Confidence::P), ("U", Confidence::U)];

fn confidence(v: &Value) -> Result<Confidence, Bad> {
    one_of(v, &CONFIDENCE)
}

fn source(v: &Value) -> Result<Source, Bad> {
    let o = Obj::of(v)?;
    Ok(Source { key: o.string("key")?, title: o.string("title")?, url: o.opt("url", string)? })
}

fn option(v: &Value) -> Result<ScaleOption, Bad> {
    let o = Obj::of(v)?;
    Ok(ScaleOption {
        value: o.string("value")?,
        points: o.count("points")?,
        label: localized(o.req("label")?)?,
        description: o.opt("description", localized)?,
    })
}

fn scale(v: &Value) -> Result<Scale, Bad> {
    let o = Obj::of(v)?;
    Ok(Scale {
        max: o.count("max")?,
        options: o.list("options", option)?,
        not_applicable: localized(o.req("not_applicable")?)?,
        assumed: o.opt("assumed", localized)?,
    })
}

fn named_scale(v: &Value) -> Result<NamedScale, Bad> {
    let o = Obj::of(v)?;
    Ok(NamedScale {
        id: o.string("id")?,
        applies_to: localized(o.req("applies_to")?)?,
        scale: scale(o.req("scale")?)?,
    })
}

fn scoring(v: &Value) -> Result<Scoring, Bad> {
    let o = Obj::of(v)?;
    let methods =
        [("fulfilment", Method::Fulfilment), ("dimension_points", Method::DimensionPoints)];
    Ok(Scoring {
        method: one_of(o.req("method")?, &methods)?,
        confidence: confidence(o.req("confidence")?)?,
        weights_assumed: o.opt("weights_assumed", localized)?,
        aggregation: localized(o.req("aggregation")?)?,
        aggregation_confidence: confidence(o.req("aggregation_confidence")?)?,
    })
}

fn band(v: &Value) -> Result<BandDef, Bad> {
    let o = Obj::of(v)?;
    let zones = [
        ("merah", Zone::Merah),
        ("kuning", Zone::Kuning),
        ("hijau", Zone::Hijau),
        ("hitam", Zone::Hitam),
    ];
    Ok(BandDef {
        min: o.count("min")?,
        grade: o.opt("grade", string)?,
        zone: one_of(o.req("zone")?, &zones)?,
        label: localized(o.req("label")?)?,
    })
}

fn indicator(v: &Value) -> Result<Indicator, Bad> {
    let o = Obj::of(v)?;
    let scopes = [("product", Scope::Product), ("unit", Scope::Unit)];
    Ok(Indicator {
        id: o.string("id")?,
        text: localized(o.req("text")?)?,
        help: localized(o.req("help")?)?,
        action: localized(o.req("action")?)?,
        legal: o.string("legal")?,
        confidence: confidence(o.req("confidence")?)?,
        scope: o.get("scope")?.map_or(Ok(Scope::default()), |v| one_of(v, &scopes))?,
        group: o.opt("group", localized)?,
        assumed: o.opt("assumed", localized)?,
        evidence: o.list_or("evidence", evidence)?,
        scale: o.opt("scale", string)?,
    })
}

fn evidence(v: &Value) -> Result<EvidenceDef, Bad> {
    let o = Obj::of(v)?;
    Ok(EvidenceDef { id: o.string("id")?, text: localized(o.req("text")?)? })
}

fn section(v: &Value) -> Result<Section, Bad> {
    let o = Obj::of(v)?;
    Ok(Section {
        id: o.string("id")?,
        title: localized(o.req("title")?)?,
        max_points: o.opt("max_points", count)?,
        projection: o.flag("projection")?,
        note: o.opt("note", localized)?,
        confidence: confidence(o.req("confidence")?)?,
        assumed: o.opt("assumed", localized)?,
        indicators: o.list("indicators", indicator)?,
    })
}

fn opinion(v: &Value) -> Result<OpinionRules, Bad> {
    let o = Obj::of(v)?;
    let l = |k| o.req(k).and_then(localized);
    Ok(OpinionRules {
        qualifier: l("qualifier")?,
        qualifier_rule: l("qualifier_rule")?,
        qualifier_none_assumed: l("qualifier_none_assumed")?,
        certificate: l("certificate")?,
        lowest_assumed: l("lowest_assumed")?,
        zones_note: l("zones_note")?,
        unit_labels: o.list("unit_labels", label)?,
        unit_labels_assumed: l("unit_labels_assumed")?,
        output: output(o.req("output")?)?,
        trust: trust(o.req("trust")?)?,
    })
}

fn label(v: &Value) -> Result<LabelDef, Bad> {
    let o = Obj::of(v)?;
    Ok(LabelDef { min: o.count("min")?, label: localized(o.req("label")?)? })
}

fn output(v: &Value) -> Result<OutputRules, Bad> {
    let o = Obj::of(v)?;
    Ok(OutputRules {
        title: localized(o.req("title")?)?,
        max_points: o.count("max_points")?,
        figures: o.list("figures", figure)?,
        note: localized(o.req("note")?)?,
        assumed: localized(o.req("assumed")?)?,
    })
}

fn figure(v: &Value) -> Result<FigureDef, Bad> {
    let o = Obj::of(v)?;
    Ok(FigureDef {
        id: o.string("id")?,
        title: localized(o.req("title")?)?,
        agency: o.string("agency")?,
        help: localized(o.req("help")?)?,
    })
}

fn trust(v: &Value) -> Result<TrustRules, Bad> {
    let o = Obj::of(v)?;
    Ok(TrustRules {
        title: localized(o.req("title")?)?,
        max_points: o.count("max_points")?,
        target: o.count("target")?,
        questions: o.list("questions", question)?,
        options: o.list("options", localized)?,
        note: localized(o.req("note")?)?,
        assumed: localized(o.req("assumed")?)?,
    })
}

fn question(v: &Value) -> Result<QuestionDef, Bad> {
    let o = Obj::of(v)?;
    Ok(QuestionDef { id: o.string("id")?, text: localized(o.req("text")?)? })
}
