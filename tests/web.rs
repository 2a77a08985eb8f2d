//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, refuses an empty start
//! form, starts an assessment, and the live score follows the answers.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    gloo::utils::document()
}

fn clear_our_storage() {
    let s = gloo::utils::window().local_storage().unwrap().unwrap();
    let keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).collect();
    for k in keys.into_iter().filter(|k| k.starts_with("patuh.")) {
        s.remove_item(&k).unwrap();
    }
}

async fn mount() -> web_sys::Element {
    clear_our_storage();
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<patuh::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Lets spawned tasks run (the start button awaits the instrument's file) until `sel` shows.
async fn until(root: &web_sys::Element, sel: &str) {
    for _ in 0..200 {
        if root.query_selector(sel).unwrap().is_some() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
        yew::scheduler::flush().await;
    }
    panic!("{sel} did not appear");
}

fn q(root: &web_sys::Element, sel: &str) -> HtmlElement {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("{sel} not found"))
        .dyn_into()
        .unwrap()
}

fn type_into(root: &web_sys::Element, sel: &str, text: &str) {
    let input: HtmlInputElement = q(root, sel).dyn_into().unwrap();
    input.set_value(text);
    let ev = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn empty_start_form_is_refused_with_a_message() {
    let root = mount().await;
    q(&root, "#patuh-start").click();
    yew::scheduler::flush().await;
    let errors = root.query_selector_all(".patuh-error").unwrap().length();
    assert_eq!(errors, 3, "OPD, unit and product are required");
    assert!(root.query_selector("#patuh-step-h").unwrap().is_none(), "the walk must not start");
    root.remove();
}

#[wasm_bindgen_test]
async fn answering_updates_the_live_score_and_zone() {
    // The app fetches an instrument's file on first use; this test page serves none, so the
    // test registers it as that fetch would.
    let file = include_str!("../src/core/instruments/ori-2016.json");
    patuh_core::instrument::register("ori-2016", file).unwrap();
    let root = mount().await;
    q(&root, "#patuh-ins-ori-2016").click();
    type_into(&root, "#patuh-opd", "Dinas Uji");
    type_into(&root, "#patuh-unit", "Unit Uji");
    type_into(&root, "#patuh-product", "Produk Uji");
    yew::scheduler::flush().await;
    q(&root, "#patuh-start").click();
    until(&root, "#patuh-step-h").await;
    // Nothing answered: the score says so (not "0,00" in the lowest band), with no zone yet.
    assert_eq!(q(&root, "#patuh-score").text_content().unwrap(), "Belum dijawab");
    assert!(root.query_selector("#patuh-zone").unwrap().is_none());
    // Answer every indicator of the first step "Ada".
    let radios = root.query_selector_all("input[type=radio][value=ada]").unwrap();
    for i in 0..radios.length() {
        radios.item(i).unwrap().dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }
    let ins = patuh_core::instrument::by_id("ori-2016").unwrap();
    let n = ins.indicators().count() as u128;
    let k = ins.sections[0].indicators.len() as u128;
    let want = patuh_core::Ratio::new(100 * k, n).unwrap().round2().id();
    assert_eq!(q(&root, "#patuh-score").text_content().unwrap(), want);
    let status = q(&root, "#patuh-status").text_content().unwrap();
    assert!(status.contains(&format!("{} pertanyaan belum dijawab", n - k)), "{status}");
    // While answers are missing the score is provisional (a floor), and the status says so.
    assert!(status.starts_with("Nilai sementara"), "{status}");
    root.remove();
}

/// The start screen lists saves read by the browser's own JSON parser (the first load carries none):
/// the same entries and the same refusals as the core's reader.
#[wasm_bindgen_test]
fn saves_are_listed_by_the_browsers_parser_with_the_cores_rules() {
    use patuh_core::persist;
    let a = patuh_core::Assessment {
        id: "x1".into(),
        instrument: "ori-2016".into(),
        instrument_version: "1".into(),
        opd: "Dinas \"Kesehatan\" <b>".into(),
        ..Default::default()
    };
    let good = persist::encode(&a, "2026-11-24T01:00:00Z");
    let listed = patuh::browser::entry(&good).unwrap();
    assert_eq!(listed, persist::entry(&good).unwrap());
    assert_eq!(
        (listed.opd.as_str(), listed.saved_at.as_str()),
        ("Dinas \"Kesehatan\" <b>", "2026-11-24T01:00:00Z")
    );
    let cases = [
        format!("\u{feff}{good}"),
        good[..good.len() / 2].to_string(),
        good.replace("\"ori-2016\"", "\"ori-1999\""),
        good.replace("\"instrument_version\": \"1\"", "\"instrument_version\": \"0\""),
        good.replace("\"format_version\": 1", "\"format_version\": 7"),
        good.replace("patuh-penilaian-mandiri", "lain"),
        "1".into(),
        "null".into(),
        "[]".into(),
        "{}".into(),
    ];
    for text in cases {
        let (browser, core) = (patuh::browser::entry(&text), persist::entry(&text));
        match (&browser, &core) {
            // Both refuse broken JSON; only the messages differ (the browser's are not shown).
            (Err(persist::DecodeError::NotJson), Err(persist::DecodeError::NotJson)) => {}
            _ => assert_eq!(browser, core, "{text:.60}"),
        }
    }
}
