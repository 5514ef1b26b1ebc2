//! Snapshots of a map (`#/map/<id>/snapshots`): save a named snapshot, list them, open one
//! read-only, restore one as a new map, delete one after confirmation, and compare any two
//! states (two snapshots, or a snapshot and now).

use journey_core::model::snapshot::{Snapshot, SnapshotHeader};
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::compare::SnapshotCompare;
use super::view::SnapshotView;
use crate::store::snapshot_store::SnapshotLoadError;
use crate::store::SetError;
use crate::ui::browser::time::date_time;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::shell::route::Page;
use crate::ui::state::{new_id, now_ms, AppState, NewMap};
use crate::i18n::snapshots::snapshots_texts;

/// One side of a comparison: the current map or a stored snapshot.
const NOW: &str = "now";

#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Nothing,
    View(String),
    Compare(String, String),
}

#[component]
pub fn SnapshotsPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = MapHandle::new(state, id.clone());
    let map = handle.map;
    let lang = move || state.lang.get();
    let t = move || snapshots_texts(lang());
    let name = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<String>);
    let restored = RwSignal::new(None::<String>);
    let shown = RwSignal::new(Shown::Nothing);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(NOW.to_string());
    // Follows `AppState::version`: saved and deleted snapshots show at once.
    let listing = {
        let id = id.clone();
        Memo::new(move |_| state.snapshots(&id))
    };
    // Compare from the newest snapshot by default.
    Effect::new(move |_| {
        let newest = listing.with(|(h, _)| h.first().map(|h| h.id.clone()));
        if from.get_untracked().is_empty() || !listing.with(|(h, _)| h.iter().any(|x| x.id == from.get_untracked())) {
            from.set(newest.unwrap_or_default());
        }
    });

    let save = {
        move || {
            let Some(m) = map.get_untracked() else { return };
            let l = lang();
            let typed = name.get_untracked();
            let label = if typed.trim().is_empty() { (t().snapshot_default_name)(&date_time(now_ms(), l)) } else { typed.trim().to_string() };
            let snap = Snapshot::take(new_id(), &label, &m, now_ms());
            match state.save_snapshot(&snap) {
                Ok(()) => {
                    notice.set(Some((t().snapshot_saved)(&label)));
                    name.set(String::new());
                }
                Err(SetError::QuotaExceeded) => notice.set(Some((t().snapshot_save_failed)(t().quota_full))),
                Err(SetError::Other(why)) => notice.set(Some((t().snapshot_save_failed)(&why))),
            }
        }
    };

    let rows = {
        let id = id.clone();
        move || {
            let (headers, bad) = listing.get();
            let l = lang();
            let tx = t();
            let bad_view = bad.into_iter().map(|b| view! { <p class="notice warning" role="alert">{(tx.snapshot_unreadable)(&b.key, &b.error.message(l))}</p> }).collect_view();
            if headers.is_empty() {
                return view! { {bad_view} <p class="empty" data-testid="no-snapshots">{tx.no_snapshots}</p> }.into_any();
            }
            let items = headers.into_iter().map(|h| snapshot_row(id.clone(), h, map, shown, notice, restored)).collect_view();
            view! { {bad_view} <ul class="snapshot-list" data-testid="snapshot-list">{items}</ul> }.into_any()
        }
    };

    let side_options = move |selected: RwSignal<String>| {
        let (headers, _) = listing.get();
        let now_sel = selected;
        let mut opts = vec![view! { <option value=NOW selected=move || now_sel.get() == NOW>{move || t().now}</option> }.into_any()];
        opts.extend(headers.into_iter().map(|h| {
            let v = h.id.clone();
            view! { <option value=h.id.clone() selected=move || selected.get() == v>{format!("{} ({})", h.name, date_time(h.taken_at, lang()))}</option> }.into_any()
        }));
        opts
    };

    let detail = {
        let id = id.clone();
        move || {
            let l = lang();
            let current = map.get()?;
            let load = |side: &str| -> Result<(String, JourneyMap, Option<f64>), String> {
                if side == NOW {
                    return Ok((snapshots_texts(l).now.to_string(), current.clone(), None));
                }
                match state.load_snapshot(&id, side) {
                    Ok(s) => Ok((s.name, s.map, Some(s.taken_at))),
                    Err(SnapshotLoadError::Missing) => Err(snapshots_texts(l).map_not_found.to_string()),
                    Err(SnapshotLoadError::Unreadable(e)) => Err(e.message(l)),
                }
            };
            Some(match shown.get() {
                Shown::Nothing => ().into_any(),
                Shown::View(sid) => match load(&sid) {
                    Ok((name, m, at)) => view! {
                        <SnapshotView name map=m taken_at=at.unwrap_or_default() on_close=move || shown.set(Shown::Nothing)/>
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e}</p> }.into_any(),
                },
                Shown::Compare(a, b) => match (load(&a), load(&b)) {
                    (Ok((an, am, _)), Ok((bn, bm, _))) => view! { <SnapshotCompare before=am after=bm before_label=an after_label=bn/> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <p class="form-error" role="alert">{e}</p> }.into_any(),
                },
            })
        }
    };

    view! {
        <MapFrame map=handle current=MapView::Snapshots>
        <section class="snapshots-page">
            <h1 data-testid="snapshots-title">{move || (t().snapshots_title)(&handle.name())}</h1>
            <form class="snapshot-save" on:submit={ let save = save.clone(); move |ev| { ev.prevent_default(); save(); } }>
                <label><span>{move || t().snapshot_name}</span>
                    <input type="text" data-testid="snapshot-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <button type="submit" data-testid="snapshot-save">{move || t().save_snapshot}</button>
            </form>
            <div role="status" class="notice-line" data-testid="snapshot-notice">
                {move || notice.get()}
                {move || restored.get().map(|rid| view! { " " <a href=Page::map(rid).href() data-testid="open-restored">{t().open_copy}</a> })}
            </div>
            {rows.clone()}
            <form class="snapshot-compare-form" aria-label=move || t().compare_title
                on:submit=move |ev| { ev.prevent_default(); shown.set(Shown::Compare(from.get_untracked(), to.get_untracked())); }>
                <h2>{move || t().compare_title}</h2>
                <label><span>{move || t().compare_from}</span>
                    <select data-testid="compare-from" on:change=move |ev| from.set(event_target_value(&ev))>{move || side_options(from)}</select>
                </label>
                <label><span>{move || t().compare_to}</span>
                    <select data-testid="compare-to" on:change=move |ev| to.set(event_target_value(&ev))>{move || side_options(to)}</select>
                </label>
                <button type="submit" data-testid="compare-submit">{move || t().compare}</button>
            </form>
            {detail.clone()}
        </section>
        </MapFrame>
    }
}

fn snapshot_row(
    map_id: String,
    h: SnapshotHeader,
    map: Memo<Option<JourneyMap>>,
    shown: RwSignal<Shown>,
    notice: RwSignal<Option<String>>,
    restored: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let t = move || snapshots_texts(lang());
    let confirming = RwSignal::new(false);
    let (sid_v, sid_c, sid_r, sid_d) = (h.id.clone(), h.id.clone(), h.id.clone(), h.id.clone());
    let (map_r, map_d) = (map_id.clone(), map_id);
    let name_r = h.name.clone();
    let name_d = h.name.clone();
    let restore = move |_| {
        match state.load_snapshot(&map_r, &sid_r) {
            Ok(snap) => {
                let base = map.get_untracked().map(|m| m.name).unwrap_or_else(|| snap.map.name.clone());
                let copy = snap.restore_as_copy(new_id(), &(t().restored_name)(&base, &name_r), now_ms());
                let copy_name = copy.name.clone();
                if let Some(rid) = state.add_map(NewMap::Ready(copy)) {
                    notice.set(Some((t().restored)(&copy_name)));
                    restored.set(Some(rid));
                }
            }
            Err(SnapshotLoadError::Missing) => notice.set(Some(snapshots_texts(lang()).map_not_found.to_string())),
            Err(SnapshotLoadError::Unreadable(e)) => notice.set(Some(e.message(lang()))),
        }
    };
    view! {
        <li class="snapshot-row" data-testid="snapshot-row" data-snapshot-id=h.id.clone()>
            <span class="snapshot-name">{h.name.clone()}</span>
            " " <span class="muted">{move || t().taken_at} ": " {move || date_time(h.taken_at, lang())}</span>
            <div class="snapshot-actions">
                <button type="button" data-testid="snapshot-open" on:click=move |_| shown.set(Shown::View(sid_v.clone()))>{move || t().open}</button>
                <button type="button" data-testid="snapshot-compare-now" on:click=move |_| shown.set(Shown::Compare(sid_c.clone(), NOW.into()))>{move || t().compare_with_now}</button>
                <button type="button" data-testid="snapshot-restore" on:click=restore>{move || t().restore}</button>
                <button type="button" class="danger" data-testid="snapshot-delete" on:click=move |_| confirming.set(true)>{move || t().delete}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-modal="false" data-testid="confirm-delete-snapshot">
                    <p>{let n = name_d.clone(); move || (t().confirm_delete_snapshot)(&n)}</p>
                    <button type="button" class="danger" on:click={
                        let (map_d, sid_d) = (map_d.clone(), sid_d.clone());
                        move |_| {
                            confirming.set(false);
                            state.delete_snapshot(&map_d, &sid_d);
                            if matches!(shown.get_untracked(), Shown::View(ref s) if *s == sid_d) {
                                shown.set(Shown::Nothing);
                            }
                        }
                    }>{move || t().delete}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{move || t().cancel}</button>
                </div>
            </Show>
        </li>
    }
}
