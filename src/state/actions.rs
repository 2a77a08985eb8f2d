//! What the interface can ask the reducer for ([`Action`] and its parts), and the small values
//! the screens share (the screen shown, notices, the save status, the saved list).

use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::followup::FollowUp;
use patuh_core::secondary::OutputFigure;
use patuh_core::trust::Tallies;
use patuh_core::Lang;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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

impl View {
    const ALL: [(View, &'static str); 7] = [
        (View::Home, "home"),
        (View::Setup, "setup"),
        (View::Walk, "walk"),
        (View::Result, "result"),
        (View::Recap, "recap"),
        (View::Skm, "skm"),
        (View::Opinion, "opinion"),
    ];

    /// The screen's name in a history entry (docs/RELIABILITY.md §Back button).
    pub fn code(self) -> &'static str {
        View::ALL.iter().find(|(v, _)| *v == self).map_or("home", |(_, c)| c)
    }

    /// The screen a history entry names, if any.
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.iter().find(|(_, c)| *c == code).map(|(v, _)| *v)
    }

    /// Screens of the open assessment: without one, the start screen is shown instead.
    pub fn needs_assessment(self) -> bool {
        matches!(self, View::Setup | View::Walk | View::Result | View::Opinion)
    }
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
    /// The browser keeps nothing for this page (docs/EMBEDDING.md §Where the iframe keeps the
    /// work); worded when shown, so a language switch translates it.
    StorageRefused,
}

/// A file waiting for the user's choice: open it as a separate copy, or replace the saved version
/// of the same assessment (docs/RELIABILITY.md §Lost work).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenChoice {
    /// The opened file.
    pub file: patuh_core::persist::Snapshot,
    /// When the version in the browser was saved.
    pub saved_at: String,
    /// Which one is newer.
    pub newer: patuh_core::keep::Newer,
    /// The file's photos could not be stored in this browser.
    pub photos_lost: bool,
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
    /// Another tab or window saved this assessment since this tab read it; this tab no longer
    /// saves it (docs/RELIABILITY.md §Lost work): its answers stay on screen until the user loads
    /// the latest version or keeps them as a separate copy.
    Conflict,
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
#[derive(Clone, Debug, PartialEq, Eq, Default)]
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
    /// Go to a place (index into `Assessment::places`) and step (section index), and bring an
    /// indicator of that step into view ("go to this indicator" from the result).
    Goto {
        place: usize,
        step: usize,
        indicator: Option<String>,
    },
    Show(View),
    Meta(Meta, String),
    Structure(Structure),
    Opinion(OpinionEdit),
    Saved(SaveStatus),
    /// The SKM calculator's figures changed (kept, so leaving the calculator loses nothing;
    /// docs/FORMAT.md §SKM figures).
    Skm(patuh_core::skm::Counts),
    /// The unit, OPD or period of the SKM result was edited (kept with the figures).
    SkmSubject(patuh_core::skm::Subject),
    Notice(Option<Notice>),
    /// A file of a saved assessment was opened and differs from the saved version: ask the user
    /// (`None`: the question is answered or cancelled).
    Choose(Option<Box<OpenChoice>>),
    Library(Vec<Summary>),
}
