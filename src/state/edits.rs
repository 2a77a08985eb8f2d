//! How each edit of the open assessment changes it: answers and their notes, links, photos and
//! evidence; identity fields; units and products; the opinion parts. The core does the work
//! (`patuh_core::Assessment`); this only routes an [`Action`] to it.

use patuh_core::assessment::{Assessment, Place};
use patuh_core::Instrument;

use super::{Action, AppState, Meta, OpinionEdit, Structure};

/// Applies an edit of the open assessment (navigation is the reducer's).
pub(super) fn apply(next: &mut AppState, ins: Option<&Instrument>, action: Action) {
    match action {
        Action::Answer { place, indicator, answer } => {
            if let (Some(d), Some(i)) = (next.doc.as_mut(), ins) {
                d.set_answer(i, &place, &indicator, answer);
            }
        }
        Action::Note { place, indicator, text } => {
            edit(next, ins, &place, &indicator, |e| e.note = text)
        }
        Action::AddLink { place, indicator, link } => {
            let link = link.trim().to_string();
            if !link.is_empty() {
                edit(next, ins, &place, &indicator, |e| {
                    if !e.links.contains(&link) {
                        e.links.push(link)
                    }
                });
            }
        }
        Action::RemoveLink { place, indicator, index } => {
            edit(next, ins, &place, &indicator, |e| {
                if index < e.links.len() {
                    e.links.remove(index);
                }
            })
        }
        Action::Review { place, indicator, on } => {
            edit(next, ins, &place, &indicator, |e| e.review = on)
        }
        Action::AddPhoto { place, indicator, id } => edit(next, ins, &place, &indicator, |e| {
            if !e.photos.contains(&id) {
                e.photos.push(id)
            }
        }),
        Action::RemovePhoto { place, indicator, id } => {
            edit(next, ins, &place, &indicator, |e| e.photos.retain(|p| *p != id))
        }
        Action::Evidence { place, indicator, item, on } => {
            edit(next, ins, &place, &indicator, |e| {
                e.ready.retain(|x| *x != item);
                if on {
                    e.ready.push(item)
                }
            })
        }
        Action::CopyAnswers { from, to } => {
            if let Some(d) = next.doc.as_mut() {
                d.copy_answers(&from, &to);
            }
        }
        Action::Meta(field, value) => {
            if let Some(d) = next.doc.as_mut() {
                let slot = match field {
                    Meta::Opd => &mut d.opd,
                    Meta::Pemda => &mut d.pemda,
                    Meta::Period => &mut d.period,
                    Meta::Date => &mut d.date,
                    Meta::AssessorName => &mut d.assessor_name,
                    Meta::AssessorPosition => &mut d.assessor_position,
                };
                *slot = value;
            }
        }
        Action::Structure(op) => {
            if let Some(d) = next.doc.as_mut() {
                structure(d, op);
                let n = d.places().len();
                next.place = next.place.min(n.saturating_sub(1));
            }
        }
        Action::Opinion(op) => {
            if let (Some(d), Some(i)) = (next.doc.as_mut(), ins) {
                opinion_edit(d, i, op);
            }
        }
        // Not edits: handled by the reducer.
        _ => {}
    }
}

fn edit(
    next: &mut AppState,
    ins: Option<&Instrument>,
    place: &Place,
    indicator: &str,
    f: impl FnOnce(&mut patuh_core::Entry),
) {
    if let (Some(d), Some(i)) = (next.doc.as_mut(), ins) {
        d.edit(i, place, indicator, f);
    }
}

fn opinion_edit(d: &mut Assessment, ins: &Instrument, op: OpinionEdit) {
    let options = ins.opinion.as_ref().map_or(0, |o| o.trust.options.len());
    match op {
        OpinionEdit::Figure { unit, figure, value } => d.set_output(&unit, &figure, value),
        OpinionEdit::Trust { unit, product, question, option, count } => {
            d.set_trust((&unit, &product), &question, (option, options), count)
        }
        OpinionEdit::ImportTrust { unit, product, tallies } => {
            d.add_trust(&unit, &product, &tallies)
        }
        OpinionEdit::AddFollowUp => {
            d.add_followup();
        }
        OpinionEdit::SetFollowUp(f) => d.set_followup(f),
        OpinionEdit::RemoveFollowUp(id) => d.remove_followup(&id),
        OpinionEdit::NoFollowups(on) => d.no_followups = on && d.followups.is_empty(),
        OpinionEdit::Interview { unit, role, question, on } => {
            d.set_interview(&unit, &role, &question, on)
        }
    }
}

fn structure(d: &mut Assessment, op: Structure) {
    match op {
        Structure::AddUnit { name, product } => {
            let u = d.add_unit(&name);
            d.add_product(&u, &product);
        }
        Structure::AddProduct { unit, name } => {
            d.add_product(&unit, &name);
        }
        Structure::RenameUnit { unit, name } => d.rename_unit(&unit, &name),
        Structure::RenameProduct { unit, product, name } => {
            d.rename_product(&unit, &product, &name)
        }
        Structure::RemoveUnit(u) => d.remove_unit(&u),
        Structure::RemoveProduct { unit, product } => d.remove_product(&unit, &product),
        Structure::MoveUnit { unit, delta } => d.move_unit(&unit, delta),
        Structure::MoveProduct { unit, product, delta } => d.move_product(&unit, &product, delta),
    }
}
