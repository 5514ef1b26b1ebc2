//! An event-log import that runs while its staged file is still being read
//! (`journey_core::analytics::streamed`): the rows of each chunk read are taken while the
//! browser reads the next one.
//!
//! It starts as soon as the file's first 64 KiB are read, with the mapping the page
//! proposes for them (the same detection on the same bytes, `detect_columns`), while the
//! user still looks at the mapping step; nothing is posted to the page then. The import
//! request then joins it when it asks for that mapping, or starts over with the file and
//! its own mapping. So clicking "Import" at once waits neither for the whole file to be
//! read nor for all its rows to be taken after the click.
//!
//! Its reply is the ordinary import's (the core holds the two equal); its `import_ms` is
//! the time spent taking rows, not the waits for the file's next chunk, so the figure keeps
//! meaning what it meant when the whole file was read first.

use journey_core::analytics::session::{Reply, Request, CHUNK_ROWS};
use journey_core::analytics::sources::Source;
use journey_core::analytics::streamed::Streamed;
use journey_core::analytics::{detect_columns, AnalysisOptions, ColumnMapping, ImportProgress};
use journey_core::model::{JourneyMap, Lang};
use journey_core::text_file::TextEncoding;

use crate::{now_ms, post, post_imported, LANG, SESSION};

/// How much of the file the page detects its columns on (`SAMPLE_BYTES` there).
const SAMPLE_BYTES: usize = 64 * 1024;

/// A started streamed import.
pub struct Streaming {
    import: Streamed,
    /// The mapping and encoding it reads the file with.
    mapping: ColumnMapping,
    encoding: Option<TextEncoding>,
    /// The import request it answers (`None` while it runs on the proposed mapping).
    asked: Option<Asked>,
    /// Time spent taking rows so far.
    busy_ms: f64,
    /// Rows when progress was last posted.
    posted: u64,
}

/// What the reply of an import request needs.
struct Asked {
    options: AnalysisOptions,
    map: Option<JourneyMap>,
    lang: Lang,
    /// When the request came (the click), for rows per second.
    began: f64,
}

impl Streaming {
    /// Starts on the mapping the page proposes for `file`, of which `read` bytes are read;
    /// gives the file back when there is none yet (fewer than 64 KiB read) or at all.
    pub fn on_proposed(file: Vec<u8>, read: usize) -> Result<Streaming, Vec<u8>> {
        if read < SAMPLE_BYTES.min(file.len()) {
            return Err(file);
        }
        let Ok(detected) = detect_columns(&file[..read.min(SAMPLE_BYTES)]) else { return Err(file) };
        // A known export goes to its source preset (as the page decides), not this import.
        let preset = Source::recognise(&detected.headers).filter(|s| s.layout().is_some());
        let Some(mapping) = ColumnMapping::from_detection(&detected).filter(|_| preset.is_none()) else {
            return Err(file);
        };
        let import = Streamed::start(file, read, &mapping, None)?;
        let mut s = Streaming { import, mapping, encoding: None, asked: None, busy_ms: 0.0, posted: 0 };
        s.take_ready_rows();
        Ok(s)
    }

    /// Starts `request` (an event-log import) on `file`, of which `read` bytes are read;
    /// gives the file back when it cannot start (yet), see `Streamed::start`.
    pub fn start(file: Vec<u8>, read: usize, request: Request) -> Result<Streaming, (Vec<u8>, Request)> {
        let Request::Import { mapping, encoding, .. } = &request else { return Err((file, request)) };
        let import = match Streamed::start(file, read, mapping, *encoding) {
            Ok(i) => i,
            Err(file) => return Err((file, request)),
        };
        let mut s = Streaming { import, mapping: mapping.clone(), encoding: *encoding, asked: None, busy_ms: 0.0, posted: 0 };
        if let Err(request) = s.join(request) {
            // Not reached: the mapping is the request's own.
            let (file, _) = s.import.into_file();
            return Err((file, request));
        }
        s.take_ready_rows();
        Ok(s)
    }

    /// Takes `request` on when it asks for this import's mapping and encoding; else hands
    /// it back.
    pub fn join(&mut self, request: Request) -> Result<(), Request> {
        match request {
            Request::Import { mapping, options, lang, map, encoding } if mapping == self.mapping && encoding == self.encoding => {
                LANG.with(|l| l.set(lang));
                let began = SESSION.with(|s| {
                    let mut session = s.borrow_mut();
                    session.encoding = encoding;
                    session.begin(lang, &now_ms)
                });
                self.asked = Some(Asked { options, map, lang, began });
                Ok(())
            }
            other => Err(other),
        }
    }

    /// The file and how much of it is read (for a request that cannot join).
    pub fn into_file(self) -> (Vec<u8>, usize) {
        self.import.into_file()
    }

    /// Whether an import request has joined.
    pub fn is_asked(&self) -> bool {
        self.asked.is_some()
    }

    /// Where the next `n` bytes read go.
    pub fn unread(&mut self, n: usize) -> Option<&mut [u8]> {
        self.import.unread(n)
    }

    /// `n` more bytes are read.
    pub fn filled(&mut self, n: usize) {
        self.import.filled(n);
    }

    /// Takes every row read whole, posting progress (once asked) as the ordinary import does.
    pub fn take_ready_rows(&mut self) {
        let t0 = now_ms();
        let mut last = None;
        loop {
            let p = self.import.step(CHUNK_ROWS);
            if last == Some(p.rows) {
                break;
            }
            last = Some(p.rows);
            self.progress(&p);
        }
        self.busy_ms += now_ms() - t0;
    }

    fn progress(&mut self, p: &ImportProgress) {
        let Some(asked) = &self.asked else { return };
        if p.rows < self.posted + CHUNK_ROWS as u64 {
            return;
        }
        self.posted = p.rows;
        let secs = ((now_ms() - asked.began) / 1000.0).max(1e-3);
        post(&Reply::Progress {
            rows: p.rows,
            events: p.events,
            skipped: p.skipped,
            bytes_read: p.bytes_read,
            total_bytes: p.total_bytes,
            rows_per_s: p.rows as f64 / secs,
        });
    }

    /// The whole file is read and a request has joined: the rest of the rows, the
    /// metrics, the reply. A file that is not UTF-8 text without CR after all is imported
    /// from the start the ordinary way.
    pub fn end(self) {
        let Some(asked) = self.asked else { return };
        let t0 = now_ms();
        let importer = match self.import.complete() {
            Ok(importer) => importer,
            Err(file) => {
                let request = Request::Import { mapping: self.mapping, options: asked.options, lang: asked.lang, map: asked.map, encoding: self.encoding };
                return crate::run(request, file);
            }
        };
        let done = importer.finish();
        // The reply's import time: rows taken, without the waits for the file.
        let busy = self.busy_ms + (now_ms() - t0);
        let start = now_ms() - busy;
        SESSION.with(|s| {
            let mut session = s.borrow_mut();
            let reply = match done {
                Ok((log, summary)) => session.analyse_new(log, summary, &asked.options, asked.map.as_ref(), asked.lang, start, &now_ms),
                Err(e) => Reply::Failed { message: e.message(asked.lang) },
            };
            post_imported(&session, reply);
        });
    }
}
