//! An assessment as it is written in the patuh file and read back (docs/FORMAT.md
//! §`assessment`): the members in this order, empty ones left out, missing ones given their
//! default.

use crate::followup::{FollowUp, Kind, Status};
use crate::instrument::Localized;
use crate::json::Value;
use crate::json::{count, list, name_of, object, one_of, string, strings, Bad, Obj, Out};
use crate::secondary::OutputFigure;

use super::{Answer, Assessment, EarlierEntry, Entry, Product, Unit};

/// Reads an assessment; every field may be left out (docs/FORMAT.md §`assessment`).
pub fn read(v: &Value) -> Result<Assessment, Bad> {
    let o = Obj::of(v)?;
    Ok(Assessment {
        id: o.text("id")?,
        instrument: o.text("instrument")?,
        instrument_version: o.text("instrument_version")?,
        opd: o.text("opd")?,
        pemda: o.text("pemda")?,
        period: o.text("period")?,
        date: o.text("date")?,
        assessor_name: o.text("assessor_name")?,
        assessor_position: o.text("assessor_position")?,
        units: o.list_or("units", unit)?,
        next_id: match o.get("next_id")? {
            Some(n) => count(n)?,
            None => 0,
        },
        followups: o.list_or("followups", followup)?,
        no_followups: o.flag("no_followups")?,
        earlier: o.list_or("earlier", earlier)?,
    })
}

/// Writes an assessment, leaving out what is empty (docs/FORMAT.md §`assessment`).
pub fn write(a: &Assessment) -> Value {
    Out::new()
        .str("id", &a.id)
        .str("instrument", &a.instrument)
        .str("instrument_version", &a.instrument_version)
        .str("opd", &a.opd)
        .str("pemda", &a.pemda)
        .str("period", &a.period)
        .str("date", &a.date)
        .str("assessor_name", &a.assessor_name)
        .str("assessor_position", &a.assessor_position)
        .put("units", Value::Array(a.units.iter().map(write_unit).collect()))
        .put("next_id", Value::from_u64(a.next_id.into()))
        .put_if(!a.followups.is_empty(), "followups", || {
            Value::Array(a.followups.iter().map(write_followup).collect())
        })
        .flag("no_followups", a.no_followups)
        .put_if(!a.earlier.is_empty(), "earlier", || {
            Value::Array(a.earlier.iter().map(write_earlier).collect())
        })
        .done()
}

fn unit(v: &Value) -> Result<Unit, Bad> {
    let o = Obj::of(v)?;
    Ok(Unit {
        id: o.string("id")?,
        name: o.string("name")?,
        answers: o.map("answers", entry)?,
        products: o.list("products", product)?,
        output: o.map("output", figure)?,
        interview: o.map("interview", |v| list(v, string))?,
    })
}

fn write_unit(u: &Unit) -> Value {
    Out::new()
        .str("id", &u.id)
        .str("name", &u.name)
        .put_if(!u.answers.is_empty(), "answers", || object(&u.answers, write_entry))
        .put("products", Value::Array(u.products.iter().map(write_product).collect()))
        .put_if(!u.output.is_empty(), "output", || object(&u.output, write_figure))
        .put_if(!u.interview.is_empty(), "interview", || object(&u.interview, |v| strings(v)))
        .done()
}

fn product(v: &Value) -> Result<Product, Bad> {
    let o = Obj::of(v)?;
    Ok(Product {
        id: o.string("id")?,
        name: o.string("name")?,
        answers: o.map("answers", entry)?,
        trust: o.map("trust", |v| list(v, count))?,
    })
}

fn write_product(p: &Product) -> Value {
    let counts =
        |c: &Vec<u32>| Value::Array(c.iter().map(|n| Value::from_u64((*n).into())).collect());
    Out::new()
        .str("id", &p.id)
        .str("name", &p.name)
        .put_if(!p.answers.is_empty(), "answers", || object(&p.answers, write_entry))
        .put_if(!p.trust.is_empty(), "trust", || object(&p.trust, counts))
        .done()
}

/// Reads an entry; every field may be left out (docs/FORMAT.md §Entries).
pub fn entry(v: &Value) -> Result<Entry, Bad> {
    let o = Obj::of(v)?;
    Ok(Entry {
        answer: o.opt("answer", |v| string(v).map(Answer::from))?,
        note: o.text("note")?,
        links: o.list_or("links", string)?,
        photos: o.list_or("photos", string)?,
        review: o.flag("review")?,
        ready: o.list_or("ready", string)?,
    })
}

/// Writes an entry, leaving out what is empty (docs/FORMAT.md §Entries).
pub fn write_entry(e: &Entry) -> Value {
    Out::new()
        .put_if(e.answer.is_some(), "answer", || {
            Value::String(e.answer.clone().map(String::from).unwrap_or_default())
        })
        .text("note", &e.note)
        .put_if(!e.links.is_empty(), "links", || strings(&e.links))
        .put_if(!e.photos.is_empty(), "photos", || strings(&e.photos))
        .flag("review", e.review)
        .put_if(!e.ready.is_empty(), "ready", || strings(&e.ready))
        .done()
}

fn figure(v: &Value) -> Result<OutputFigure, Bad> {
    let o = Obj::of(v)?;
    Ok(OutputFigure {
        value: o.text("value")?,
        source: o.text("source")?,
        year: o.text("year")?,
        not_applicable: o.flag("not_applicable")?,
    })
}

fn write_figure(f: &OutputFigure) -> Value {
    Out::new()
        .text("value", &f.value)
        .text("source", &f.source)
        .text("year", &f.year)
        .flag("not_applicable", f.not_applicable)
        .done()
}

const KINDS: [(&str, Kind); 4] = [
    ("tindakan_korektif", Kind::TindakanKorektif),
    ("saran_perbaikan", Kind::SaranPerbaikan),
    ("saran_penyempurnaan", Kind::SaranPenyempurnaan),
    ("rekomendasi", Kind::Rekomendasi),
];

const STATUSES: [(&str, Status); 3] =
    [("belum", Status::Belum), ("dalam_proses", Status::DalamProses), ("selesai", Status::Selesai)];

fn followup(v: &Value) -> Result<FollowUp, Bad> {
    let o = Obj::of(v)?;
    Ok(FollowUp {
        id: o.text("id")?,
        kind: o.get("kind")?.map_or(Ok(Kind::default()), |v| one_of(v, &KINDS))?,
        number: o.text("number")?,
        date: o.text("date")?,
        asks: o.text("asks")?,
        status: o.get("status")?.map_or(Ok(Status::default()), |v| one_of(v, &STATUSES))?,
        evidence: o.text("evidence")?,
        deadline: o.text("deadline")?,
    })
}

fn write_followup(f: &FollowUp) -> Value {
    Out::new()
        .str("id", &f.id)
        .put("kind", name_of(&f.kind, &KINDS))
        .str("number", &f.number)
        .str("date", &f.date)
        .str("asks", &f.asks)
        .put("status", name_of(&f.status, &STATUSES))
        .str("evidence", &f.evidence)
        .str("deadline", &f.deadline)
        .done()
}

fn earlier(v: &Value) -> Result<EarlierEntry, Bad> {
    let o = Obj::of(v)?;
    Ok(EarlierEntry {
        version: o.text("version")?,
        unit: o.text("unit")?,
        product: o.text("product")?,
        indicator: o.text("indicator")?,
        text: o.get("text")?.map_or(Ok(Localized::default()), localized)?,
        entry: o.get("entry")?.map_or(Ok(Entry::default()), entry)?,
    })
}

fn write_earlier(e: &EarlierEntry) -> Value {
    Out::new()
        .str("version", &e.version)
        .str("unit", &e.unit)
        .text("product", &e.product)
        .str("indicator", &e.indicator)
        .put("text", write_localized(&e.text))
        .put("entry", write_entry(&e.entry))
        .done()
}

/// Reads a text in both languages; both must be present (docs/FORMAT.md §JSON).
pub fn localized(v: &Value) -> Result<Localized, Bad> {
    let o = Obj::of(v)?;
    Ok(Localized { id: o.string("id")?, en: o.string("en")? })
}

/// Writes a text in both languages.
pub fn write_localized(l: &Localized) -> Value {
    Out::new().str("id", &l.id).str("en", &l.en).done()
}
