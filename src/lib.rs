//! patuh: the Yew app. Thin components over one reducer; all rules live in `patuh-core`, all browser
//! access in [`browser`].

pub mod browser;
pub mod components;
pub mod dom;
pub mod embed;
pub mod i18n;
pub mod start;
pub mod state;

pub use components::app::App;
