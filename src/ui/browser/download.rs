//! Browser glue for downloads, shared by every feature that hands the user a file: text
//! (SVG, JSON, CSV, …) as a Blob behind an `<a download>` click, and an SVG turned into a
//! PNG by drawing it through an `<img>` onto a `<canvas>`.
//!
//! Everything here reports failure as a [`DownloadError`] with the browser's own words;
//! nothing panics and nothing touches the user's maps.

use std::fmt;

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// PNGs are drawn at twice the SVG's size, so they stay sharp on slides and high-DPI screens.
pub const PNG_SCALE: u32 = 2;

/// Why a download could not be made, in the browser's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsValue> for DownloadError {
    fn from(value: JsValue) -> Self {
        let text = value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        DownloadError(text)
    }
}

fn text_blob(text: &str, mime: &str) -> Result<Blob, DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Ok(Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)?)
}

/// Offers `blob` as a file named `filename`: a temporary `<a download>` is clicked. The
/// object URL is released a moment later (revoking it at once can cancel the download).
pub fn download_blob(filename: &str, blob: &Blob) -> Result<(), DownloadError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| DownloadError("no document".into()))?;
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_attribute("hidden", "")?;
    let body = document.body().ok_or_else(|| DownloadError("no body".into()))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    leptos::prelude::set_timeout(move || {
        let _ = Url::revoke_object_url(&url);
    }, std::time::Duration::from_secs(10));
    Ok(())
}

/// Offers `text` as a file of type `mime` (e.g. `image/svg+xml`, `application/json`).
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    download_blob(filename, &text_blob(text, mime)?)
}

/// Offers a standalone SVG document as a PNG of `PNG_SCALE ×` its size (`width` × `height`
/// are the SVG's own pixel size), on white, since slides and mail clients show transparency
/// as black or checkered.
pub async fn download_svg_as_png(filename: &str, svg: &str, width: u32, height: u32) -> Result<(), DownloadError> {
    let png = svg_to_png(svg, width, height).await?;
    download_blob(filename, &png)
}

/// The PNG itself, for callers that do something else with it than downloading.
pub async fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Blob, DownloadError> {
    let image = load_image(&text_blob(svg, "image/svg+xml")?, width, height).await?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| DownloadError("no document".into()))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    let (w, h) = (width * PNG_SCALE, height * PNG_SCALE);
    canvas.set_width(w);
    canvas.set_height(h);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| DownloadError("no 2D canvas".into()))?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w as f64, h as f64);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w as f64, h as f64)?;
    let made = Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    });
    let png = JsFuture::from(made).await?;
    png.dyn_into::<Blob>().map_err(|_| DownloadError("the canvas gave no image".into()))
}

/// Loads an SVG blob into an `<img>` of the given size; the object URL lives only while it loads.
async fn load_image(svg: &Blob, width: u32, height: u32) -> Result<HtmlImageElement, DownloadError> {
    let image = HtmlImageElement::new_with_width_and_height(width, height)?;
    let url = Url::create_object_url_with_blob(svg)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    image.set_onload(None);
    image.set_onerror(None);
    let _ = Url::revoke_object_url(&url);
    result.map_err(|_| DownloadError("the SVG could not be read as an image".into()))?;
    Ok(image)
}
