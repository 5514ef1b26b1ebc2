//! Reads Mermaid `journey` text into located statements, the way Mermaid's own grammar
//! splits it, reporting what does not fit. Shared by the importer (which builds a map) and
//! the normaliser (which prints the statements canonically), so both read the text alike.
//!
//! Rules followed from Mermaid: keywords are case-insensitive; `%%` lines are comments;
//! an unescaped `#` starts a comment to the end of the line (except in `accTitle` and
//! `accDescr`, which take the whole line); `;` ends a statement; a task is
//! `Name: score: actor, actor`; `title` and `section` need a space and a text.
//! Entity codes (`#58;`) are decoded in every text.

use super::mermaid_issue::{IssueKind, MermaidIssue};
use super::mermaid_text::{entity_len, unescape};

pub(crate) struct Lexed {
    pub statements: Vec<Stmt>,
    pub issues: Vec<MermaidIssue>,
    /// Line of the `journey` header.
    pub header_line: usize,
    /// `title:` from a `---` front-matter block, if any.
    pub frontmatter_title: Option<String>,
}

pub(crate) struct Stmt {
    pub line: usize,
    pub column: usize,
    pub kind: StmtKind,
}

pub(crate) enum StmtKind {
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Section(String),
    Task(Task),
}

pub(crate) struct Task {
    pub name: String,
    /// The score as written (may be empty) and its column.
    pub score: String,
    pub score_column: usize,
    /// Trimmed, decoded, without empty entries and duplicates.
    pub actors: Vec<String>,
}

/// One line with its number and the column of its first non-blank character.
struct Line<'a> {
    number: usize,
    text: &'a str,
    column: usize,
}

impl Line<'_> {
    /// The column of byte offset `at` in `text`.
    fn column_of(&self, at: usize) -> usize {
        self.column + self.text[..at].chars().count()
    }
}

pub(crate) fn lex(source: &str) -> Result<Lexed, MermaidIssue> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<Line> = source
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let text = raw.trim();
            let indent = raw.len() - raw.trim_start().len();
            Line { number: i + 1, text, column: raw[..indent].chars().count() + 1 }
        })
        .collect();
    let mut lexed = Lexed { statements: Vec::new(), issues: Vec::new(), header_line: 0, frontmatter_title: None };
    let mut i = skip_frontmatter(&lines, &mut lexed)?;

    // The header: the first line that is neither blank nor a comment.
    while i < lines.len() && (lines[i].text.is_empty() || lines[i].text.starts_with("%%")) {
        i += 1;
    }
    let Some(header) = lines.get(i) else {
        return Err(MermaidIssue::new(lines.len(), 1, IssueKind::NotAJourney { found: String::new() }));
    };
    match strip_keyword(header.text, "journey") {
        Some("") => {}
        Some(rest) if rest.starts_with(char::is_whitespace) => {
            lexed.issues.push(MermaidIssue::new(header.number, header.column + 7, IssueKind::TextAfterHeader));
        }
        _ => {
            let found: String = header.text.chars().take(40).collect();
            return Err(MermaidIssue::new(header.number, header.column, IssueKind::NotAJourney { found }));
        }
    }
    lexed.header_line = header.number;
    i += 1;

    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        if line.text.is_empty() || line.text.starts_with("%%") {
            continue;
        }
        if let Some(rest) = keyword_then(line.text, "accTitle", ':') {
            push(&mut lexed, line, StmtKind::AccTitle(unescape(rest.trim())));
        } else if let Some(rest) = keyword_then(line.text, "accDescr", ':') {
            push(&mut lexed, line, StmtKind::AccDescr(unescape(rest.trim())));
        } else if let Some(rest) = keyword_then(line.text, "accDescr", '{') {
            i = description_block(&lines, i, line, rest, &mut lexed);
        } else if keyword_with_space(line.text, "journey").is_some() {
            lexed.issues.push(MermaidIssue::new(line.number, line.column, IssueKind::RepeatedHeader));
        } else if let Some(rest) = keyword_with_space(line.text, "title") {
            if let Some(text) = statement_text(line, rest, "title", &mut lexed) {
                push(&mut lexed, line, StmtKind::Title(text));
            }
        } else if let Some(rest) = keyword_with_space(line.text, "section") {
            if let Some(text) = statement_text(line, rest, "section", &mut lexed) {
                if raw_colon(rest) {
                    let at = line.text.len() - rest.len() + rest.find(':').unwrap_or(0);
                    lexed.issues.push(MermaidIssue::new(line.number, line.column_of(at), IssueKind::ColonInSection));
                } else {
                    push(&mut lexed, line, StmtKind::Section(text));
                }
            }
        } else if let Some(task) = task(line, &mut lexed) {
            push(&mut lexed, line, StmtKind::Task(task));
        }
    }
    Ok(lexed)
}

fn push(lexed: &mut Lexed, line: &Line, kind: StmtKind) {
    lexed.statements.push(Stmt { line: line.number, column: line.column, kind });
}

/// Skips a `---` … `---` block before the header, keeping its `title:`.
fn skip_frontmatter(lines: &[Line], lexed: &mut Lexed) -> Result<usize, MermaidIssue> {
    let Some(first) = lines.iter().position(|l| !l.text.is_empty()) else { return Ok(0) };
    if lines[first].text != "---" {
        return Ok(first);
    }
    for (j, line) in lines.iter().enumerate().skip(first + 1) {
        if line.text == "---" {
            return Ok(j + 1);
        }
        if let Some(title) = line.text.strip_prefix("title:") {
            let title = title.trim().trim_matches(|c| c == '"' || c == '\'');
            lexed.frontmatter_title = Some(title.to_string());
        }
    }
    Err(MermaidIssue::new(lines[first].number, lines[first].column, IssueKind::UnclosedFrontmatter))
}

/// `text` without a leading `keyword` (ASCII case-insensitive), if it starts with it.
fn strip_keyword<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    let head = text.get(..keyword.len())?;
    head.eq_ignore_ascii_case(keyword).then(|| &text[keyword.len()..])
}

/// `keyword` followed by whitespace (or nothing): the rest after the keyword.
fn keyword_with_space<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    strip_keyword(text, keyword).filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// `keyword`, optional spaces, then `mark`: the rest after the mark.
fn keyword_then<'a>(text: &'a str, keyword: &str, mark: char) -> Option<&'a str> {
    strip_keyword(text, keyword)?.trim_start().strip_prefix(mark)
}

/// Where a statement's text ends: at an unescaped `#` (comment) — and where the first
/// unescaped `;` before it is. Byte offsets into `text`.
struct Scan {
    end: usize,
    hash: Option<usize>,
    semicolon: Option<usize>,
}

fn scan(text: &str) -> Scan {
    let mut i = 0;
    let mut semicolon = None;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with('#') {
            match entity_len(rest) {
                Some(len) => {
                    i += len;
                    continue;
                }
                None => return Scan { end: i, hash: Some(i), semicolon },
            }
        }
        if rest.starts_with(';') && semicolon.is_none() {
            semicolon = Some(i);
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    Scan { end: text.len(), hash: None, semicolon }
}

/// True when `rest` has a `:` before any comment (entity-escaped colons do not count).
fn raw_colon(rest: &str) -> bool {
    rest[..scan(rest).end].contains(':')
}

/// The text of a `title`/`section` statement (comment cut, `;` refused, decoded).
fn statement_text(line: &Line, rest: &str, keyword: &'static str, lexed: &mut Lexed) -> Option<String> {
    let offset = line.text.len() - rest.len();
    let s = scan(rest);
    if let Some(at) = s.semicolon {
        lexed.issues.push(MermaidIssue::new(line.number, line.column_of(offset + at), IssueKind::Semicolon));
        return None;
    }
    if let Some(at) = s.hash {
        lexed.issues.push(MermaidIssue::new(line.number, line.column_of(offset + at), IssueKind::HashComment));
    }
    let raw = rest[..s.end].trim();
    if raw.is_empty() {
        lexed.issues.push(MermaidIssue::new(line.number, line.column, IssueKind::MissingText { keyword }));
        return None;
    }
    Some(unescape(raw))
}

/// Reads `accDescr { … }` starting on `opener`; returns the index of the next line to lex.
fn description_block(lines: &[Line], next: usize, opener: &Line, after_brace: &str, lexed: &mut Lexed) -> usize {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(close) = after_brace.find('}') {
        parts.push(&after_brace[..close]);
        push_description(lexed, opener, &parts);
        return next;
    }
    parts.push(after_brace);
    for (j, line) in lines.iter().enumerate().skip(next) {
        if let Some(close) = line.text.find('}') {
            parts.push(&line.text[..close]);
            push_description(lexed, opener, &parts);
            return j + 1;
        }
        parts.push(line.text);
    }
    lexed.issues.push(MermaidIssue::new(opener.number, opener.column, IssueKind::UnclosedDescription));
    next
}

fn push_description(lexed: &mut Lexed, opener: &Line, parts: &[&str]) {
    let text: Vec<String> = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).map(unescape).collect();
    push(lexed, opener, StmtKind::AccDescr(text.join("\n")));
}

/// Reads `Name: score: actor, actor`.
fn task(line: &Line, lexed: &mut Lexed) -> Option<Task> {
    let s = scan(line.text);
    if let Some(at) = s.semicolon {
        lexed.issues.push(MermaidIssue::new(line.number, line.column_of(at), IssueKind::Semicolon));
        return None;
    }
    if let Some(at) = s.hash {
        lexed.issues.push(MermaidIssue::new(line.number, line.column_of(at), IssueKind::HashComment));
    }
    let text = &line.text[..s.end];
    let Some(colon) = text.find(':') else {
        lexed.issues.push(MermaidIssue::new(line.number, line.column, IssueKind::NotATask));
        return None;
    };
    let name = unescape(text[..colon].trim());
    if name.is_empty() {
        lexed.issues.push(MermaidIssue::new(line.number, line.column, IssueKind::EmptyTaskName));
        return None;
    }
    let data = &text[colon + 1..];
    let data_start = colon + 1;
    let mut pieces = data.splitn(3, ':');
    let score_raw = pieces.next().unwrap_or("");
    let score_lead = score_raw.len() - score_raw.trim_start().len();
    let score_column = line.column_of(data_start + score_lead);
    let actors_raw = pieces.next();
    if pieces.next().is_some() {
        let at = data_start + score_raw.len() + 1 + actors_raw.map_or(0, str::len);
        lexed.issues.push(MermaidIssue::new(line.number, line.column_of(at), IssueKind::ExtraTaskData));
    }
    let mut actors: Vec<String> = Vec::new();
    if let Some(list) = actors_raw.filter(|l| !l.trim().is_empty()) {
        let mut at = data_start + score_raw.len() + 1;
        for part in list.split(',') {
            let lead = part.len() - part.trim_start().len();
            let column = line.column_of(at + lead);
            let actor = unescape(part.trim());
            if actor.is_empty() {
                lexed.issues.push(MermaidIssue::new(line.number, column, IssueKind::EmptyActor));
            } else if actors.contains(&actor) {
                lexed.issues.push(MermaidIssue::new(line.number, column, IssueKind::DuplicateActor { name: actor }));
            } else {
                actors.push(actor);
            }
            at += part.len() + 1;
        }
    }
    Some(Task { name, score: unescape(score_raw.trim()), score_column, actors })
}
