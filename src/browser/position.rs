//! Where the user left off in an assessment (unit, product, step and the indicator in view), kept
//! in the browser next to the save so "Lanjutkan" returns there (docs/RELIABILITY.md §Resume). It is
//! not part of the assessment file: a file opened on another device starts at its beginning.

use patuh_core::json::{self, Obj, Out, Value};

use crate::state::Position;

const PREFIX: &str = "patuh.v1.position.";

/// Remembers `p` for the assessment `id` (a refused write only loses the position).
pub fn save(id: &str, p: &Position) {
    let v = Out::new()
        .str("unit", &p.unit)
        .str("product", &p.product)
        .put("step", Value::from_u64(p.step as u64))
        .put("indicator", p.indicator.as_ref().map_or(Value::Null, |i| Value::String(i.clone())))
        .put("opinion", Value::Bool(p.opinion))
        .done();
    let _ = super::set(&format!("{PREFIX}{id}"), &json::write(&v, false));
}

/// The position remembered for the assessment `id`; `None` when there is none or it cannot be read.
pub fn load(id: &str) -> Option<Position> {
    let v = json::parse(&super::get(&format!("{PREFIX}{id}"))?).ok()?;
    let o = Obj::of(&v).ok()?;
    Some(Position {
        unit: o.string("unit").ok()?,
        product: o.string("product").ok()?,
        step: usize::try_from(o.req("step").ok()?.as_u64()?).ok()?,
        indicator: o.opt("indicator", json::string).ok()?,
        opinion: o.flag("opinion").ok()?,
    })
}

/// Forgets the position of the assessment `id` (it was deleted).
pub fn forget(id: &str) {
    super::remove(&format!("{PREFIX}{id}"));
}

/// The first of the indicators `ids` (those of the step shown, in order) whose question is in the
/// viewport, if any.
pub fn indicator_in_view<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let w = web_sys::window()?;
    let height = w.inner_height().ok()?.as_f64()?;
    let doc = w.document()?;
    ids.into_iter()
        .find(|id| {
            doc.get_element_by_id(&format!("patuh-ind-{id}")).is_some_and(|el| {
                let r = el.get_bounding_client_rect();
                r.bottom() > 0.0 && r.top() < height
            })
        })
        .map(str::to_string)
}
