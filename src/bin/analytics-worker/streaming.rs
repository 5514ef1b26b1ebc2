//! An event-log import that runs while its staged file is still being read
//! (`journey_core::analytics::streamed`): when the user clicks "Import" before the worker
//! has read the file chosen a moment ago, the rows of each chunk read are taken while the
//! browser reads the next one, instead of the import waiting for the whole file first.
//!
//! Its reply is the ordinary import's (the core holds the two equal); its `import_ms` is
//! the time spent taking rows, not the waits for the file's next chunk, so the figure keeps
//! meaning what it meant when the whole file was read first.

use journey_core::analytics::session::{Reply, Request, CHUNK_ROWS};
use journey_core::analytics::streamed::Streamed;
use journey_core::analytics::{AnalysisOptions, ImportProgress};
use journey_core::model::{JourneyMap, Lang};
use journey_core::text_file::TextEncoding;

use crate::{now_ms, post, post_imported, LANG, SESSION};

/// A started streamed import and what its reply needs.
pub struct Streaming {
    import: Streamed,
    options: AnalysisOptions,
    map: Option<JourneyMap>,
    lang: Lang,
    encoding: Option<TextEncoding>,
    mapping: journey_core::analytics::ColumnMapping,
    /// When the import began (the click), for rows per second.
    began: f64,
    /// Time spent taking rows so far.
    busy_ms: f64,
    /// Rows when progress was last posted.
    posted: u64,
}

impl Streaming {
    /// Starts `request` (an event-log import) on `file`, of which `read` bytes are read;
    /// gives the file back when it cannot start (yet), see `Streamed::start`.
    pub fn start(file: Vec<u8>, read: usize, request: &Request) -> Result<Streaming, Vec<u8>> {
        let Request::Import { mapping, options, lang, map, encoding } = request else { return Err(file) };
        let import = Streamed::start(file, read, mapping, *encoding)?;
        LANG.with(|l| l.set(*lang));
        let began = SESSION.with(|s| {
            let mut session = s.borrow_mut();
            session.encoding = *encoding;
            session.begin(*lang, &now_ms)
        });
        let mut s = Streaming {
            import,
            options: options.clone(),
            map: map.clone(),
            lang: *lang,
            encoding: *encoding,
            mapping: mapping.clone(),
            began,
            busy_ms: 0.0,
            posted: 0,
        };
        s.take_ready_rows();
        Ok(s)
    }

    /// Where the next `n` bytes read go.
    pub fn unread(&mut self, n: usize) -> Option<&mut [u8]> {
        self.import.unread(n)
    }

    /// `n` more bytes are read: their whole rows are taken.
    pub fn filled(&mut self, n: usize) {
        self.import.filled(n);
    }

    /// Takes every row read whole, posting progress as the ordinary import does.
    pub fn take_ready_rows(&mut self) {
        let t0 = now_ms();
        let mut last = self.posted;
        loop {
            let p = self.import.step(CHUNK_ROWS);
            if p.rows == last {
                break;
            }
            last = p.rows;
            self.progress(&p);
        }
        self.busy_ms += now_ms() - t0;
    }

    fn progress(&mut self, p: &ImportProgress) {
        if p.rows < self.posted + CHUNK_ROWS as u64 {
            return;
        }
        self.posted = p.rows;
        let secs = ((now_ms() - self.began) / 1000.0).max(1e-3);
        post(&Reply::Progress {
            rows: p.rows,
            events: p.events,
            skipped: p.skipped,
            bytes_read: p.bytes_read,
            total_bytes: p.total_bytes,
            rows_per_s: p.rows as f64 / secs,
        });
    }

    /// The whole file is read: the rest of the rows, the metrics, the reply. A file that is
    /// not UTF-8 text without CR after all is imported from the start the ordinary way.
    pub fn end(self) {
        let t0 = now_ms();
        let importer = match self.import.complete() {
            Ok(importer) => importer,
            Err(file) => {
                let request = Request::Import { mapping: self.mapping, options: self.options, lang: self.lang, map: self.map, encoding: self.encoding };
                return crate::run(request, file);
            }
        };
        let lang = self.lang;
        let done = importer.finish();
        // The reply's import time: rows taken, without the waits for the file.
        let busy = self.busy_ms + (now_ms() - t0);
        let start = now_ms() - busy;
        SESSION.with(|s| {
            let mut session = s.borrow_mut();
            let reply = match done {
                Ok((log, summary)) => session.analyse_new(log, summary, &self.options, self.map.as_ref(), lang, start, &now_ms),
                Err(e) => Reply::Failed { message: e.message(lang) },
            };
            post_imported(&session, reply);
        });
    }
}
