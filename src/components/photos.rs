//! Photo evidence for one indicator: take with the camera or choose files; downscaled, kept in
//! IndexedDB, shown as thumbnails (canvas, CSP-safe), removable.

use patuh_core::assessment::Place;
use patuh_core::Lang;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::{self, photos};
use crate::i18n::t;
use crate::state::{use_app, Action, AppContext};

/// Props of [`Photos`].
#[derive(Properties, PartialEq)]
pub struct PhotosProps {
    pub place: Place,
    pub indicator: String,
    pub ids: Vec<String>,
    pub base: String,
}

/// Props of [`Thumb`].
#[derive(Properties, PartialEq)]
pub struct ThumbProps {
    pub id: String,
    pub label: String,
    /// Said in place of a photo this browser does not have.
    pub missing: &'static str,
}

/// One thumbnail drawn from IndexedDB.
#[component]
pub fn Thumb(props: &ThumbProps) -> Html {
    let canvas = use_node_ref();
    let missing = use_state(|| false);
    {
        let canvas = canvas.clone();
        let missing = missing.clone();
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            if let Some(c) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                spawn_local(async move {
                    let ok = photos::draw(c, &id, 240).await;
                    missing.set(!ok);
                });
            }
        });
    }
    // A file opened from JSON (on another device, or after the browser's data was cleared) names
    // photos it does not carry: they travel in the evidence bundle (docs/FORMAT.md).
    html! {
        <>
            <canvas ref={canvas} class={classes!("patuh-thumb", missing.then_some("patuh-thumb--missing"))}
                role="img" aria-label={props.label.clone()} data-photo={props.id.clone()} width="1" height="1"></canvas>
            if *missing { <p class="patuh-thumb__note">{ props.missing }</p> }
        </>
    }
}

fn error_text(lang: Lang, e: photos::PhotoError) -> &'static str {
    use photos::PhotoError::*;
    let tx = t(lang);
    match e {
        NotImage => tx.photo_not_image,
        TooLarge => tx.photo_too_large,
        Storage => tx.photo_storage,
    }
}

/// Adds the chosen files (as many as there is room for) to the photo store and the indicator;
/// says why a file was refused.
fn add_callback(
    app: &AppContext,
    props: &PhotosProps,
    error: &UseStateHandle<Option<&'static str>>,
    busy: &UseStateHandle<bool>,
) -> Callback<Event> {
    let (app, place, indicator, error, busy) =
        (app.clone(), props.place.clone(), props.indicator.clone(), error.clone(), busy.clone());
    let room = photos::MAX_PER_INDICATOR.saturating_sub(props.ids.len());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.item(i)).collect();
        input.set_value("");
        if files.len() > room {
            error.set(Some(t(app.lang).photo_max));
        } else {
            error.set(None);
        }
        let (app, place, indicator, error, busy) =
            (app.clone(), place.clone(), indicator.clone(), error.clone(), busy.clone());
        busy.set(true);
        spawn_local(async move {
            for f in files.into_iter().take(room) {
                match photos::add(f, browser::new_id()).await {
                    Ok(id) => app.dispatch(Action::AddPhoto {
                        place: place.clone(),
                        indicator: indicator.clone(),
                        id,
                    }),
                    Err(e) => error.set(Some(error_text(app.lang, e))),
                }
            }
            busy.set(false);
        });
    })
}

/// One photo with "Hapus", which asks first.
fn thumb_item(
    app: &AppContext,
    props: &PhotosProps,
    asking: &UseStateHandle<Option<String>>,
    i: usize,
    id: &str,
) -> Html {
    let tx = t(app.lang);
    let label = format!("{} {}", tx.photo, i + 1);
    let ask = {
        let (asking, id) = (asking.clone(), id.to_string());
        Callback::from(move |_| asking.set(Some(id.clone())))
    };
    let no = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(None))
    };
    let yes = {
        let (app, asking) = (app.clone(), asking.clone());
        let (place, indicator, id) = (props.place.clone(), props.indicator.clone(), id.to_string());
        Callback::from(move |_| {
            let id2 = id.clone();
            spawn_local(async move { photos::delete(&id2).await });
            app.dispatch(Action::RemovePhoto {
                place: place.clone(),
                indicator: indicator.clone(),
                id: id.clone(),
            });
            asking.set(None);
        })
    };
    html! {
        <li key={id.to_string()}>
            <Thumb id={id.to_string()} label={label.clone()} missing={tx.photo_not_here} />
            if asking.as_deref() == Some(id) {
                <div class="patuh-confirm" role="alert">
                    <p>{ tx.photo_remove_ask }</p>
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--danger" onclick={yes}>{ tx.delete }</button>
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={no}>{ tx.cancel }</button>
                </div>
            } else {
                <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={ask}
                    aria-label={format!("{} {label}", tx.remove)}>{ tx.remove }</button>
            }
        </li>
    }
}

/// Photo evidence of one indicator.
#[component]
pub fn Photos(props: &PhotosProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let tx = t(lang);
    let error = use_state(|| None::<&'static str>);
    let busy = use_state(|| false);
    let onchange = add_callback(&app, props, &error, &busy);
    // The photo whose removal is being confirmed (a removed photo cannot be brought back).
    let asking = use_state(|| None::<String>);
    let thumbs =
        props.ids.iter().enumerate().map(|(i, id)| thumb_item(&app, props, &asking, i, id));
    let cam_id = format!("{}-cam", props.base);
    let file_id = format!("{}-file", props.base);
    let full = props.ids.len() >= photos::MAX_PER_INDICATOR;
    html! {
        <div class="patuh-photos">
            <p class="patuh-photos__title">{ tx.photos }</p>
            if !props.ids.is_empty() { <ul class="patuh-photos__list">{ for thumbs }</ul> }
            if !full {
                <div class="patuh-row">
                    <label class="patuh-btn patuh-btn--small patuh-file" for={cam_id.clone()}>{ tx.take_photo }
                        <input class="patuh-sr" id={cam_id} type="file" accept="image/*" capture="environment" onchange={onchange.clone()} />
                    </label>
                    <label class="patuh-btn patuh-btn--small patuh-file" for={file_id.clone()}>{ tx.choose_photos }
                        <input class="patuh-sr" id={file_id} type="file" accept="image/*" multiple=true {onchange} />
                    </label>
                </div>
            }
            if *busy { <p class="patuh-muted" role="status">{ tx.processing }</p> }
            if let Some(msg) = *error { <p class="patuh-error" role="alert">{ msg }</p> }
        </div>
    }
}
