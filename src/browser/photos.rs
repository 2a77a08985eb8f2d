//! Photo evidence: downscaled in the browser, kept in IndexedDB (`patuh.v1.photos`), referenced
//! from the assessment by id. The JS half is `src/photos.js` (promise wrappers; no inline script).

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/photos.js")]
extern "C" {
    #[wasm_bindgen(js_name = photoPut)]
    fn photo_put(id: &str, blob: &web_sys::Blob) -> Promise;
    #[wasm_bindgen(js_name = photoPutBytes)]
    fn photo_put_bytes(id: &str, bytes: &[u8]) -> Promise;
    #[wasm_bindgen(js_name = photoGet)]
    fn photo_get(id: &str) -> Promise;
    #[wasm_bindgen(js_name = photoDelete)]
    fn photo_delete(id: &str) -> Promise;
    #[wasm_bindgen(js_name = photoDraw)]
    fn photo_draw(
        canvas: &web_sys::HtmlCanvasElement,
        blob: &web_sys::Blob,
        max_side: u32,
    ) -> Promise;
    #[wasm_bindgen(js_name = photoDownscale)]
    fn photo_downscale(file: &web_sys::File, max_side: u32, quality: f64) -> Promise;
}

/// Longest side of a stored photo, in pixels (enough to read a notice board).
pub const MAX_SIDE: u32 = 1600;
/// Largest stored photo after downscaling.
pub const MAX_BYTES: f64 = 1_500_000.0;
/// Photos per indicator.
pub const MAX_PER_INDICATOR: usize = 6;

/// Why a photo was not added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoError {
    /// Not an image the browser can read.
    NotImage,
    /// Still larger than [`MAX_BYTES`] after downscaling.
    TooLarge,
    /// IndexedDB refused (quota, private mode).
    Storage,
}

/// Downscales `file` and stores it under a new id, which is returned.
pub async fn add(file: web_sys::File, id: String) -> Result<String, PhotoError> {
    if !file.type_().starts_with("image/") {
        return Err(PhotoError::NotImage);
    }
    let blob = JsFuture::from(photo_downscale(&file, MAX_SIDE, 0.8))
        .await
        .map_err(|_| PhotoError::NotImage)?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| PhotoError::NotImage)?;
    if blob.size() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    JsFuture::from(photo_put(&id, &blob)).await.map_err(|_| PhotoError::Storage)?;
    Ok(id)
}

/// The stored photo with this id, if any.
pub async fn get(id: &str) -> Option<web_sys::Blob> {
    let v = JsFuture::from(photo_get(id)).await.ok()?;
    v.dyn_into().ok()
}

/// Deletes a stored photo (missing ids are fine).
pub async fn delete(id: &str) {
    let _ = JsFuture::from(photo_delete(id)).await;
}

/// Draws the stored photo `id` into `canvas` as a thumbnail; `false` when it is missing.
pub async fn draw(canvas: web_sys::HtmlCanvasElement, id: &str, max_side: u32) -> bool {
    match get(id).await {
        Some(blob) => JsFuture::from(photo_draw(&canvas, &blob, max_side)).await.is_ok(),
        None => false,
    }
}

/// Stores JPEG bytes under `id` (photos coming back from an evidence bundle).
pub async fn put_bytes(id: &str, bytes: &[u8]) -> Result<(), PhotoError> {
    JsFuture::from(photo_put_bytes(id, bytes)).await.map(|_| ()).map_err(|_| PhotoError::Storage)
}

/// The stored photo's bytes (for the evidence bundle).
pub async fn bytes(id: &str) -> Option<Vec<u8>> {
    let blob = get(id).await?;
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}
