//! Components: one per file, thin, reading the app context or taking props and callbacks.

pub mod app;
pub mod compare;
pub mod evidence;
pub mod frame;
pub mod handoff;
pub mod home;
pub mod indicator;
pub mod interview;
pub mod keep;
pub mod opinion;
pub mod opinion_nav;
pub mod photos;
pub mod recap;
pub mod register;
pub mod result;
pub mod setup;
pub mod skm;
pub mod steps;
pub mod walk;
pub mod zone_badge;
