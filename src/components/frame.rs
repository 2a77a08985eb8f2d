//! The page around every screen — header with the language switch and the save status, the "new
//! version" prompt, notices, main area and footer — and what belongs to the page rather than to a
//! screen: the accent colour and height reports for an embedding page, its messages, and the
//! service worker, for the whole app (`components::app`). The first load draws the same markup in
//! plain DOM (`crate::start::frame`, docs/PERFORMANCE.md "The first load without Yew"), so the page
//! looks the same before and after the hand-over (`tests/e2e/e2e.mjs` compares the two).

use patuh_core::Lang;
use yew::prelude::*;

use crate::embed;
use crate::i18n::t;
use crate::state::Notice;

/// Props of [`Frame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The interface language.
    pub lang: Lang,
    /// The user or the embedding page chose a language.
    pub on_lang: Callback<Lang>,
    /// The save status shown in the header.
    #[prop_or_default]
    pub status: Html,
    /// The notices shown above the screen.
    #[prop_or_default]
    pub notices: Html,
    /// The screen.
    pub children: Html,
}

/// The page frame.
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let lang = props.lang;
    let tx = t(lang);
    let update = use_state(|| false);
    let root = use_node_ref();
    {
        let (update, on_lang, root) = (update.clone(), props.on_lang.clone(), root.clone());
        use_effect_with((), move |_| {
            let observed =
                root.cast::<web_sys::HtmlElement>().and_then(|el| embed::attach_root(&el));
            // Once per page (the start screen's frame registers; the app's finds it done).
            embed::after_load(embed::register_service_worker);
            let prompt = embed::on_update(move || update.set(true));
            let listener = embed::listen(move |l| on_lang.emit(l));
            move || drop((observed, prompt, listener))
        });
    }
    let toggle = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |_| on_lang.emit(if lang == Lang::Id { Lang::En } else { Lang::Id }))
    };
    let other = if lang == Lang::Id { "en" } else { "id" };
    html! {
        <div class={if embed::config().embedded() { "patuh patuh--embedded" } else { "patuh" }} lang={lang.code()} ref={root} id="patuh-app">
            <a class="patuh-skip" href="#patuh-main">{ tx.skip_to_main }</a>
            <header class="patuh-header">
                <div class="patuh-header__brand">
                    <span class="patuh-header__logo" aria-hidden="true">{ "✓" }</span>
                    <div>
                        <p class="patuh-header__title">{ tx.app_title }</p>
                        <p class="patuh-header__subtitle">{ tx.app_subtitle }</p>
                    </div>
                </div>
                <div class="patuh-header__tools">
                    <p class="patuh-status" role="status" aria-live="polite">{ props.status.clone() }</p>
                    <button type="button" class="patuh-btn patuh-btn--ghost" lang={other}
                        aria-label={tx.switch_lang_label} onclick={toggle}>{ tx.switch_lang }</button>
                </div>
            </header>
            <div class="patuh-update" role="status" aria-live="polite">
                if *update {
                    <p>{ tx.update_available }</p>
                    <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-reload"
                        onclick={Callback::from(|_| embed::apply_update())}>{ tx.update_reload }</button>
                }
            </div>
            { props.notices.clone() }
            <main id="patuh-main" class="patuh-main" tabindex="-1">{ props.children.clone() }</main>
            <footer class="patuh-footer">
                <p>{ tx.privacy }</p>
            </footer>
        </div>
    }
}

/// Props of [`NoticeView`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The interface language.
    pub lang: Lang,
    /// The notice shown, if any.
    pub notice: Option<Notice>,
    /// The notice was dismissed.
    pub on_dismiss: Callback<()>,
    /// Set when the last autosave failed: downloads the open work as a file.
    #[prop_or_default]
    pub rescue: Option<Callback<()>>,
}

/// Notices: a failed save (with its rescue download), a damaged save in storage (with the
/// "download the damaged copy" rescue), a file or part of the app that did not load, information.
#[component]
pub fn NoticeView(props: &NoticeProps) -> Html {
    let tx = t(props.lang);
    let dismiss = props.on_dismiss.reform(|_| ());
    let mut out = Vec::new();
    if let Some(rescue) = &props.rescue {
        out.push(html! {
            <div class="patuh-notice patuh-notice--error" role="alert">
                <p>{ tx.save_failed }</p>
                <button type="button" class="patuh-btn" onclick={rescue.reform(|_| ())}>{ tx.download_json }</button>
            </div>
        });
    }
    match &props.notice {
        Some(Notice::Corrupt { key }) => {
            let key = key.clone();
            let rescue = Callback::from(move |_| {
                if let Some(raw) = crate::browser::raw(&key) {
                    crate::browser::download("patuh-simpanan-rusak.json", "application/json", &raw);
                }
            });
            out.push(html! {
                <div class="patuh-notice patuh-notice--error" role="alert">
                    <p>{ tx.corrupt_save }</p>
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn" onclick={rescue}>{ tx.download_damaged }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dismiss.clone()}>{ tx.dismiss }</button>
                    </div>
                </div>
            });
        }
        Some(n @ (Notice::FileError(msg) | Notice::Info(msg))) => {
            let err = matches!(n, Notice::FileError(_));
            out.push(html! {
                <div class={if err { "patuh-notice patuh-notice--error" } else { "patuh-notice" }} role={if err { "alert" } else { "status" }}>
                    <p>{ msg.clone() }</p>
                    <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dismiss}>{ tx.dismiss }</button>
                </div>
            });
        }
        Some(Notice::StorageRefused) => out.push(html! {
            <div class="patuh-notice patuh-notice--error" role="alert">
                <p>{ tx.storage_refused }</p>
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dismiss}>{ tx.dismiss }</button>
            </div>
        }),
        None => {}
    }
    html! { <>{ for out }</> }
}
