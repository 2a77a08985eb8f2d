//! The one app state and its reducer. `reduce` dispatches to the pure core and never touches the
//! browser: saving happens in an effect of the `App` component.

use std::rc::Rc;

use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::followup::FollowUp;
use patuh_core::secondary::OutputFigure;
use patuh_core::trust::Tallies;
use patuh_core::{instrument, Instrument, Lang};
use yew::prelude::*;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Start: continue, saved list, new assessment.
    #[default]
    Home,
    /// Identity, units and products.
    Setup,
    /// The step-by-step walk.
    Walk,
    /// Result, gaps, provenance.
    Result,
    /// Pemda recap of many files.
    Recap,
    /// SKM/IKM calculator.
    Skm,
    /// The parts of an opinion measured outside the walk: Output figures, the trust survey and
    /// the follow-up register (docs/SCORING.md §Opinion).
    Opinion,
}

/// A message shown above the content until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A save in storage could not be read; `key` still holds it.
    Corrupt { key: String },
    /// A file could not be opened (already worded in the user's language).
    FileError(String),
    /// A plain information message (already worded).
    Info(String),
}

/// Outcome of the last autosave.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Nothing saved yet in this session.
    #[default]
    Idle,
    /// Saved at "HH.MM".
    Saved(String),
    /// The browser refused the write (quota, private window); work stays in memory.
    Failed,
}

/// A saved assessment as listed on the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub opd: String,
    pub instrument: String,
    pub saved_at: String,
}

/// Where the user was in the walk of an assessment, kept so that reopening it returns there.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// Unit id.
    pub unit: String,
    /// Product id.
    pub product: String,
    /// Step (section index).
    pub step: usize,
    /// The indicator that was in view, if any.
    pub indicator: Option<String>,
    /// The user was on the opinion data screen (Output, trust, follow-up), the walk's last stop
    /// under the 2025 instrument; older positions lack it.
    #[serde(default)]
    pub opinion: bool,
}

/// Identity fields of an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    Opd,
    Pemda,
    Period,
    Date,
    AssessorName,
    AssessorPosition,
}

/// Edits of units and products.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Structure {
    AddUnit {
        /// The new unit's name.
        name: String,
        /// The name of its first product.
        product: String,
    },
    AddProduct {
        unit: String,
        name: String,
    },
    RenameUnit {
        unit: String,
        name: String,
    },
    RenameProduct {
        unit: String,
        product: String,
        name: String,
    },
    RemoveUnit(String),
    RemoveProduct {
        unit: String,
        product: String,
    },
    MoveUnit {
        unit: String,
        delta: i32,
    },
    MoveProduct {
        unit: String,
        product: String,
        delta: i32,
    },
}

/// Edits of the opinion parts (docs/FORMAT.md).
#[derive(Clone, Debug, PartialEq)]
pub enum OpinionEdit {
    Figure { unit: String, figure: String, value: OutputFigure },
    Trust { unit: String, product: String, question: String, option: usize, count: u32 },
    ImportTrust { unit: String, product: String, tallies: Tallies },
    AddFollowUp,
    SetFollowUp(FollowUp),
    RemoveFollowUp(String),
    NoFollowups(bool),
    Interview { unit: String, role: String, question: String, on: bool },
}

/// Everything the interface can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Open an assessment (new, from storage or from a file) in the walk.
    Begin(Box<Assessment>),
    /// Reopen a saved assessment in the walk where the user left off (a unit or product that no
    /// longer exists: its first step).
    Reopen(Box<Assessment>, Position),
    /// Back to the start screen.
    Close,
    Answer {
        place: Place,
        indicator: String,
        answer: Option<Answer>,
    },
    Note {
        place: Place,
        indicator: String,
        text: String,
    },
    AddLink {
        place: Place,
        indicator: String,
        link: String,
    },
    RemoveLink {
        place: Place,
        indicator: String,
        index: usize,
    },
    Review {
        place: Place,
        indicator: String,
        on: bool,
    },
    AddPhoto {
        place: Place,
        indicator: String,
        id: String,
    },
    RemovePhoto {
        place: Place,
        indicator: String,
        id: String,
    },
    /// Tick (or untick) one evidence item of an indicator at a place as ready.
    Evidence {
        place: Place,
        indicator: String,
        item: String,
        on: bool,
    },
    /// Copy the product-scope answers of another product into the current one.
    CopyAnswers {
        from: Place,
        to: Place,
    },
    /// Go to a place (index into `Assessment::places`) and step (section index).
    Goto {
        place: usize,
        step: usize,
    },
    Show(View),
    Meta(Meta, String),
    Structure(Structure),
    Opinion(OpinionEdit),
    Saved(SaveStatus),
    Notice(Option<Notice>),
    Library(Vec<Summary>),
}

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
            Action::Answer { place, indicator, answer } => {
                if let (Some(d), Some(i)) = (next.doc.as_mut(), ins) {
                    d.set_answer(i, &place, &indicator, answer);
                }
            }
            Action::Note { place, indicator, text } => {
                edit(&mut next, ins, &place, &indicator, |e| e.note = text)
            }
            Action::AddLink { place, indicator, link } => {
                let link = link.trim().to_string();
                if !link.is_empty() {
                    edit(&mut next, ins, &place, &indicator, |e| {
                        if !e.links.contains(&link) {
                            e.links.push(link)
                        }
                    });
                }
            }
            Action::RemoveLink { place, indicator, index } => {
                edit(&mut next, ins, &place, &indicator, |e| {
                    if index < e.links.len() {
                        e.links.remove(index);
                    }
                })
            }
            Action::Review { place, indicator, on } => {
                edit(&mut next, ins, &place, &indicator, |e| e.review = on)
            }
            Action::AddPhoto { place, indicator, id } => {
                edit(&mut next, ins, &place, &indicator, |e| {
                    if !e.photos.contains(&id) {
                        e.photos.push(id)
                    }
                })
            }
            Action::RemovePhoto { place, indicator, id } => {
                edit(&mut next, ins, &place, &indicator, |e| e.photos.retain(|p| *p != id))
            }
            Action::Evidence { place, indicator, item, on } => {
                edit(&mut next, ins, &place, &indicator, |e| {
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
            Action::Goto { place, step } => {
                next.scroll_to = None;
                next.place = place;
                next.step = step;
                next.view = View::Walk;
            }
            Action::Show(v) => {
                next.scroll_to = None;
                next.view = v;
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
            Action::Saved(s) => next.save = s,
            Action::Notice(n) => next.notice = n,
            Action::Library(l) => next.library = Rc::new(l),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
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

/// The reducer handle shared through context.
pub type AppContext = UseReducerHandle<AppState>;

/// The app context; panics only if a component is used outside `App`, a programming error.
#[hook]
pub fn use_app() -> AppContext {
    #[allow(clippy::expect_used)]
    use_context::<AppContext>().expect("AppContext is provided by App")
}
