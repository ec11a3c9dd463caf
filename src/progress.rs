//! Progress of a long analysis, for a progress bar over inputs of many megabytes.
//!
//! The pipeline begins each [`Stage`] in turn, and the stages that take most of the time report
//! how far into the text their main loop has gone. A [`Reporter`] turns that into a fraction of
//! the whole analysis and passes it on at most once per [`REPORT_EVERY`] bytes, so reporting
//! costs nothing measurable and never changes a result.

/// A stage of the analysis, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Detecting the language.
    Language,
    /// Splitting words and sentences.
    Tokens,
    /// Classifying the page's lines (headline, byline, boilerplate…).
    Structure,
    /// Finding and resolving dates.
    Dates,
    /// The statistical tagger's pass over the sentences: most of the time, reported sentence by
    /// sentence.
    Tagging,
    /// Entity candidates, typing and clustering: reported at its start only.
    Entities,
    /// Pairing quotation marks (reported quote by quote) and finding the speakers.
    Quotes,
}

impl Stage {
    /// Every stage, in the order they run.
    pub const ALL: [Stage; 7] = [
        Stage::Language,
        Stage::Tokens,
        Stage::Structure,
        Stage::Dates,
        Stage::Tagging,
        Stage::Entities,
        Stage::Quotes,
    ];

    /// The stage's name in the JavaScript API: `"language"`, `"tokens"`, …
    pub fn name(self) -> &'static str {
        match self {
            Stage::Language => "language",
            Stage::Tokens => "tokens",
            Stage::Structure => "structure",
            Stage::Dates => "dates",
            Stage::Tagging => "tagging",
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
        }
    }

    /// The stage's usual share of the analysis time, in percent (they sum to 100), so that the
    /// fraction grows about evenly with time. Measured on the sample articles repeated to 2 MB;
    /// only the smoothness of a progress bar depends on these figures.
    fn share(self) -> f64 {
        match self {
            Stage::Language => 1.0,
            Stage::Tokens => 1.0,
            Stage::Structure => 2.0,
            Stage::Dates => 1.0,
            Stage::Tagging => 79.0,
            Stage::Entities => 10.0,
            Stage::Quotes => 6.0,
        }
    }

    /// The share of the time taken by the stages before this one, in percent.
    fn share_before(self) -> f64 {
        Stage::ALL.iter().take_while(|&&s| s != self).map(|s| s.share()).sum()
    }
}

/// Where an analysis is, as passed to the callback of [`crate::analyze_with_progress`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// The stage running.
    pub stage: Stage,
    /// How far the whole analysis is, from 0.0 to 1.0. It never decreases, and reaches 1.0
    /// only in the last report, once the analysis is done.
    pub fraction: f64,
}

/// A stage reports again once its loop has gone this many bytes further into the text: about
/// 800 reports for the tagging of 50 MB, a few a second in a browser.
pub const REPORT_EVERY: usize = 64 * 1024;

/// Carries progress from the pipeline's loops to a callback, throttled by bytes of text.
pub struct Reporter<'s> {
    sink: Option<&'s mut dyn FnMut(Progress)>,
    /// The text's length in bytes.
    total: usize,
    stage: Stage,
    /// How far into the text the stage has gone, and the position that triggers a report.
    done: usize,
    next: usize,
}

impl<'s> Reporter<'s> {
    /// A reporter for a text of `total` bytes that calls `sink`.
    pub fn new(total: usize, sink: &'s mut dyn FnMut(Progress)) -> Reporter<'s> {
        Reporter { sink: Some(sink), total, stage: Stage::Language, done: 0, next: 0 }
    }

    /// A reporter that reports nothing, for the stages' callers that want no progress.
    #[cfg(any(test, feature = "internals"))]
    pub fn silent() -> Reporter<'static> {
        Reporter { sink: None, total: 0, stage: Stage::Language, done: 0, next: usize::MAX }
    }

    /// Starts `stage` (stages begin in the order of [`Stage::ALL`]) and reports it.
    pub fn begin(&mut self, stage: Stage) {
        debug_assert!(stage >= self.stage, "stage {stage:?} begun after {:?}", self.stage);
        self.stage = stage;
        self.done = 0;
        self.report();
    }

    /// The current stage's loop has reached byte `position` of the text. Positions that do not
    /// move it [`REPORT_EVERY`] bytes past the last report are skipped, so this is cheap enough to
    /// call once per sentence.
    #[inline]
    pub fn at(&mut self, position: usize) {
        if position >= self.next {
            self.done = position.min(self.total);
            self.report();
        }
    }

    /// The analysis is done: reports a fraction of exactly 1.0.
    pub fn finish(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            sink(Progress { stage: self.stage, fraction: 1.0 });
        }
    }

    fn report(&mut self) {
        let Some(sink) = self.sink.as_mut() else { return };
        self.next = self.done.saturating_add(REPORT_EVERY);
        let in_stage = if self.total == 0 { 0.0 } else { self.done as f64 / self.total as f64 };
        let percent = self.stage.share_before() + self.stage.share() * in_stage;
        // Below 1.0 until `finish`, whatever the rounding.
        let fraction = (percent / 100.0).min(1.0 - f64::EPSILON);
        sink(Progress { stage: self.stage, fraction });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_100() {
        assert_eq!(Stage::ALL.iter().map(|s| s.share()).sum::<f64>(), 100.0);
        assert_eq!(Stage::Quotes.share_before(), 94.0);
    }

    #[test]
    fn reports_are_throttled_by_bytes_and_never_go_back() {
        let mut seen = Vec::new();
        let mut sink = |p: Progress| seen.push(p);
        let mut reporter = Reporter::new(10 * REPORT_EVERY, &mut sink);
        reporter.begin(Stage::Tagging);
        for position in (0..10 * REPORT_EVERY).step_by(1000) {
            reporter.at(position);
        }
        reporter.at(0); // behind the last report: skipped
        reporter.begin(Stage::Entities);
        reporter.finish();
        let tagging: Vec<f64> =
            seen.iter().filter(|p| p.stage == Stage::Tagging).map(|p| p.fraction).collect();
        assert_eq!(tagging.len(), 10, "the start, then once per REPORT_EVERY bytes: {tagging:?}");
        assert_eq!(tagging[0], 0.05);
        assert!(tagging.windows(2).all(|w| w[0] < w[1]), "{tagging:?}");
        assert!((tagging[9] - (0.05 + 0.79 * 0.9)).abs() < 0.01, "{tagging:?}");
        let last = seen[seen.len() - 2..].to_vec();
        assert_eq!(
            last,
            [
                Progress { stage: Stage::Entities, fraction: 0.84 },
                Progress { stage: Stage::Entities, fraction: 1.0 }
            ]
        );
    }

    #[test]
    fn an_empty_text_still_reports_its_stages() {
        let mut seen = Vec::new();
        let mut sink = |p: Progress| seen.push(p);
        let mut reporter = Reporter::new(0, &mut sink);
        reporter.begin(Stage::Language);
        reporter.at(0);
        reporter.finish();
        assert_eq!(seen.iter().map(|p| p.fraction).collect::<Vec<_>>(), [0.0, 1.0]);
    }
}
