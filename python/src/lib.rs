//! The Python extension `manchette._manchette`: the core's analysis as JSON text, in code point
//! offsets (the CLI's format, so Python's `text[start:end]` is the span). The Python package
//! (`manchette/__init__.py`) checks arguments and parses the JSON; this module only converts.

use manchette::dossier::{Article, Dossier, DossierReport};
use manchette::report::Report;
use manchette::OffsetUnit;
use manchette::{analyze_checked, Error, Options};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn value_error(e: Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn options(reference_date: Option<&str>, lang: Option<&str>) -> PyResult<Options> {
    Options::parse(reference_date, lang).map_err(value_error)
}

/// Runs `f`, turning a panic (a bug: the core is written never to panic) into a RuntimeError.
fn guarded<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(PyRuntimeError::new_err("manchette: internal error while analysing")))
}

fn report_json(text: &str, options: &Options) -> Result<String, Error> {
    let analysis = analyze_checked(text, options)?;
    let report = Report::new(text, &analysis, OffsetUnit::CodePoint);
    Ok(serde_json::to_string(&report).unwrap_or_default())
}

/// The options of each text: its own reference date when given, else the shared one.
fn options_per_text(
    count: usize,
    reference_date: Option<&str>,
    reference_dates: Option<Vec<Option<String>>>,
    lang: Option<&str>,
) -> PyResult<Vec<Options>> {
    let shared = options(reference_date, lang)?;
    match reference_dates {
        None => Ok(vec![shared; count]),
        Some(dates) if dates.len() != count => Err(PyValueError::new_err(format!(
            "manchette: {} reference dates for {count} texts",
            dates.len()
        ))),
        Some(dates) => dates
            .iter()
            .map(|d| match d {
                Some(d) => options(Some(d), lang),
                None => Ok(shared.clone()),
            })
            .collect(),
    }
}

/// Runs `f` on a pool of `threads` threads (all cores when None), without the GIL.
fn on_pool<T: Send>(py: Python<'_>, threads: Option<usize>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            builder = builder.num_threads(n.max(1));
        }
        builder.build().map(|pool| pool.install(f))
    })
    .map_err(|e| PyRuntimeError::new_err(format!("manchette: no thread pool: {e}")))
}

/// One text's result as JSON.
#[pyfunction]
#[pyo3(signature = (text, reference_date=None, lang=None))]
fn analyze_json(
    py: Python<'_>,
    text: &str,
    reference_date: Option<&str>,
    lang: Option<&str>,
) -> PyResult<String> {
    let options = options(reference_date, lang)?;
    guarded(|| py.detach(|| report_json(text, &options)).map_err(value_error))
}

/// Many texts' results as JSON, in order, analysed on `threads` cores without the GIL. A text
/// over the size limit fails the call, naming its index.
#[pyfunction]
#[pyo3(signature = (texts, reference_date=None, lang=None, reference_dates=None, threads=None))]
fn analyze_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    reference_date: Option<&str>,
    lang: Option<&str>,
    reference_dates: Option<Vec<Option<String>>>,
    threads: Option<usize>,
) -> PyResult<Vec<String>> {
    let options = options_per_text(texts.len(), reference_date, reference_dates, lang)?;
    let results = guarded(|| {
        on_pool(py, threads, || {
            texts
                .par_iter()
                .zip(&options)
                .map(|(text, options)| report_json(text, options))
                .collect::<Vec<_>>()
        })
    })?;
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.map_err(|e| PyValueError::new_err(format!("text {i}: {e}"))))
        .collect()
}

/// A dossier of `texts` named by `ids` (each with its own reference date, found in it when
/// not given), merged, as JSON.
#[pyfunction]
#[pyo3(signature = (texts, ids, reference_date=None, lang=None, reference_dates=None, threads=None))]
fn dossier_json(
    py: Python<'_>,
    texts: Vec<String>,
    ids: Vec<String>,
    reference_date: Option<&str>,
    lang: Option<&str>,
    reference_dates: Option<Vec<Option<String>>>,
    threads: Option<usize>,
) -> PyResult<String> {
    if ids.len() != texts.len() {
        return Err(PyValueError::new_err(format!("manchette: {} ids for {} texts", ids.len(), texts.len())));
    }
    let options = options_per_text(texts.len(), reference_date, reference_dates, lang)?;
    let analyses = guarded(|| {
        on_pool(py, threads, || {
            texts
                .par_iter()
                .zip(&options)
                .map(|(text, options)| analyze_checked(text, options))
                .collect::<Vec<_>>()
        })
    })?;
    let mut dossier = Dossier::new();
    for (i, (analysis, (text, id))) in analyses.into_iter().zip(texts.into_iter().zip(ids)).enumerate() {
        let analysis = analysis.map_err(|e| PyValueError::new_err(format!("text {i}: {e}")))?;
        dossier.push(Article::new(id, text, analysis));
    }
    guarded(|| {
        let report = DossierReport::new(&dossier, &dossier.merge(), OffsetUnit::CodePoint);
        Ok(serde_json::to_string(&report).unwrap_or_default())
    })
}

/// The largest text accepted, in bytes of UTF-8.
#[pyfunction]
fn max_input_bytes() -> usize {
    manchette::MAX_INPUT_BYTES
}

#[pymodule]
fn _manchette(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(dossier_json, m)?)?;
    m.add_function(wrap_pyfunction!(max_input_bytes, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
