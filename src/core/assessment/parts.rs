//! Edits of the parts of an opinion assessment measured outside the walk (docs/FORMAT.md): Output
//! figures per unit, trust tallies per product, and the follow-up register of the body.

use super::Assessment;
use crate::followup::FollowUp;
use crate::secondary::OutputFigure;
use crate::trust::{self, Tallies};

impl Assessment {
    /// Sets an Output figure of a unit (dropped when empty). Unknown units change nothing.
    pub fn set_output(&mut self, unit: &str, figure: &str, f: OutputFigure) {
        if let Some(u) = self.units.iter_mut().find(|u| u.id == unit) {
            if f.is_empty() {
                u.output.remove(figure);
            } else {
                u.output.insert(figure.to_string(), f);
            }
        }
    }

    /// Sets how many respondents of a product chose `option` on `question` (`options` long).
    pub fn set_trust(
        &mut self,
        (unit, product): (&str, &str),
        question: &str,
        (option, options): (usize, usize),
        count: u32,
    ) {
        if let Some(p) = self.product_mut(unit, product) {
            let t = p.trust.entry(question.to_string()).or_insert_with(|| vec![0; options]);
            if t.len() < options {
                t.resize(options, 0);
            }
            if let Some(slot) = t.get_mut(option) {
                *slot = count;
            }
            if t.iter().all(|c| *c == 0) {
                p.trust.remove(question);
            }
        }
    }

    /// Adds imported tallies to a product's (more respondents; nothing is replaced).
    pub fn add_trust(&mut self, unit: &str, product: &str, more: &Tallies) {
        if let Some(p) = self.product_mut(unit, product) {
            trust::add(&mut p.trust, more);
        }
    }

    fn product_mut(&mut self, unit: &str, product: &str) -> Option<&mut super::Product> {
        self.units.iter_mut().find(|u| u.id == unit)?.products.iter_mut().find(|p| p.id == product)
    }

    /// Marks (or unmarks) an interviewee of a unit ready for a question.
    pub fn set_interview(&mut self, unit: &str, role: &str, question: &str, on: bool) {
        let Some(u) = self.units.iter_mut().find(|u| u.id == unit) else { return };
        let v = u.interview.entry(role.to_string()).or_default();
        v.retain(|q| q != question);
        if on {
            v.push(question.to_string());
        }
        if v.is_empty() {
            u.interview.remove(role);
        }
    }

    /// Adds an empty register item; returns its id.
    pub fn add_followup(&mut self) -> String {
        self.next_id += 1;
        let id = format!("t{}", self.next_id);
        self.followups.push(FollowUp { id: id.clone(), ..FollowUp::default() });
        self.no_followups = false;
        id
    }

    /// Replaces the register item with the same id.
    pub fn set_followup(&mut self, f: FollowUp) {
        if let Some(x) = self.followups.iter_mut().find(|x| x.id == f.id) {
            *x = f;
        }
    }

    /// Removes a register item.
    pub fn remove_followup(&mut self, id: &str) {
        self.followups.retain(|f| f.id != id);
    }
}
