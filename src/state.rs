//! The one app state and its reducer. `reduce` dispatches to the pure core and never touches the
//! browser: saving happens in an effect of the `App` component. What can be asked is in
//! `state/actions.rs`, how an edit changes the assessment in `state/edits.rs`.

mod actions;
mod edits;

use std::rc::Rc;

use patuh_core::assessment::{Assessment, Place};
use patuh_core::{instrument, Instrument, Lang};
use yew::prelude::*;

pub use actions::{
    Action, Meta, Notice, OpenChoice, OpinionEdit, Position, SaveStatus, Structure, Summary, View,
};

/// The app state shared through context.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    pub lang: Lang,
    pub doc: Option<Assessment>,
    pub view: View,
    pub place: usize,
    pub step: usize,
    pub notice: Option<Notice>,
    pub save: SaveStatus,
    pub library: Rc<Vec<Summary>>,
    /// The indicator the walk brings into view (an assessment reopened where it was left), until
    /// the user goes elsewhere.
    pub scroll_to: Option<String>,
    /// Counts the changes of `doc`: effects that follow the document (autosave) depend on this
    /// number instead of cloning and comparing a whole assessment on every answer.
    pub rev: u64,
    /// The SKM calculator's figures, kept while the user goes elsewhere and in storage
    /// (`browser::skm_counts`).
    pub skm: patuh_core::skm::Counts,
    /// Whose SKM result those figures are (unit, OPD, period), kept with them.
    pub skm_subject: patuh_core::skm::Subject,
    /// An opened file that differs from the saved version of the same assessment, waiting for
    /// the user's choice (`patuh_core::keep::check_open`).
    pub choice: Option<Box<OpenChoice>>,
}

impl AppState {
    /// The instrument of the open assessment.
    pub fn instrument(&self) -> Option<&'static Instrument> {
        self.doc.as_ref().and_then(|d| instrument::by_id(&d.instrument))
    }

    /// The current place, clamped to what exists.
    pub fn current_place(&self) -> Option<Place> {
        let places = self.doc.as_ref()?.places();
        places.get(self.place.min(places.len().saturating_sub(1))).cloned()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let ins = self.instrument();
        let keeps_doc = matches!(
            action,
            Action::SetLang(_)
                | Action::Show(_)
                | Action::Goto { .. }
                | Action::Saved(_)
                | Action::Notice(_)
                | Action::Library(_)
                | Action::Skm(_)
                | Action::SkmSubject(_)
                | Action::Choose(_)
        );
        if !keeps_doc {
            next.rev = self.rev.wrapping_add(1);
        }
        match action {
            Action::SetLang(l) => next.lang = l,
            Action::Begin(a) => {
                next.doc = Some(*a);
                next.view = View::Walk;
                next.place = 0;
                next.step = 0;
                next.scroll_to = None;
                next.save = SaveStatus::Idle;
            }
            Action::Reopen(a, at) => {
                let place =
                    a.places().iter().position(|p| p.unit == at.unit && p.product == at.product);
                let steps = instrument::by_id(&a.instrument).map_or(1, |i| i.sections.len());
                next.place = place.unwrap_or(0);
                next.step = if place.is_some() { at.step.min(steps.saturating_sub(1)) } else { 0 };
                next.scroll_to = place.and(at.indicator);
                let opinion = at.opinion
                    && instrument::by_id(&a.instrument).is_some_and(|i| i.opinion.is_some());
                next.doc = Some(*a);
                next.view = if opinion { View::Opinion } else { View::Walk };
                next.save = SaveStatus::Idle;
            }
            Action::Close => {
                next.doc = None;
                next.view = View::Home;
            }
            Action::Goto { place, step, indicator } => {
                next.scroll_to = indicator;
                next.place = place;
                next.step = step;
                next.view = View::Walk;
            }
            Action::Show(v) => {
                next.scroll_to = None;
                // The Back button may name a screen of an assessment closed since.
                next.view = if v.needs_assessment() && next.doc.is_none() { View::Home } else { v };
            }
            Action::Saved(s) => next.save = s,
            Action::Skm(c) => next.skm = c,
            Action::SkmSubject(s) => next.skm_subject = s,
            Action::Notice(n) => next.notice = n,
            Action::Choose(c) => next.choice = c,
            Action::Library(l) => next.library = Rc::new(l),
            // Everything else edits the open assessment.
            change => edits::apply(&mut next, ins, change),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The reducer handle shared through context.
pub type AppContext = UseReducerHandle<AppState>;

/// The app context; panics only if a component is used outside `App`, a programming error.
#[hook]
pub fn use_app() -> AppContext {
    #[allow(clippy::expect_used)]
    use_context::<AppContext>().expect("AppContext is provided by App")
}
