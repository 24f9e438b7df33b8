//! Turning the paths a user gives into the list of documents to read.
//!
//! Folders are walked recursively in sorted order, hidden entries skipped, and only files
//! with an accepted extension kept; a file named explicitly is always read. `-` is stdin.
//! Symbolic links are followed, but a folder already walked (a link back to a parent, or two
//! links to one folder) is walked once.

use super::InputError;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    /// `path` as reached from the argument; `relative` is its path inside the folder argument
    /// (the file name for a file argument), used to mirror the tree with `--out`.
    File {
        path: PathBuf,
        relative: PathBuf,
    },
}

impl Source {
    /// The path as shown in reports and errors (`-` for stdin).
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File { path, .. } => path.display().to_string(),
        }
    }
}

/// Which files a folder walk keeps.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// Accepted extensions, lower case, without the dot. Empty: every file.
    pub extensions: Vec<String>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { extensions: vec!["txt".to_string()] }
    }
}

impl WalkOptions {
    fn accepts(&self, path: &Path) -> bool {
        self.extensions.is_empty()
            || path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Expands the arguments into sources, in argument order, each folder sorted. Paths that
/// cannot be read are returned as errors; everything else is still listed.
pub fn collect_sources(args: &[String], opts: &WalkOptions) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    if args.is_empty() {
        sources.push(Source::Stdin);
    }
    for arg in args {
        if arg == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                walk_dir(&path, Path::new(""), opts, &mut HashSet::new(), &mut sources, &mut errors)
            }
            Ok(_) => {
                let relative = path.file_name().map_or_else(|| path.clone(), PathBuf::from);
                sources.push(Source::File { path, relative });
            }
            Err(e) => errors.push(InputError::new(arg, e.to_string())),
        }
    }
    (sources, errors)
}

/// Lists `dir`, whose path inside the folder argument is `inside`.
fn walk_dir(
    dir: &Path,
    inside: &Path,
    opts: &WalkOptions,
    visited: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    errors: &mut Vec<InputError>,
) {
    // A link loop would otherwise list the same files again at every level of the loop.
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !visited.insert(canonical) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError::new(dir.display().to_string(), e.to_string()));
            return;
        }
    };
    let mut paths: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push((entry.file_name(), entry.path())),
            Err(e) => errors.push(InputError::new(dir.display().to_string(), e.to_string())),
        }
    }
    // The paths share their folder: sorted by name, they are in path order, without the
    // component-by-component comparison of whole paths.
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, path) in paths {
        if is_hidden(&name) {
            continue;
        }
        // The path inside the argument is built by joining names, not by stripping the
        // argument off each file's path (a component-by-component walk of both).
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk_dir(&path, &inside.join(&name), opts, visited, sources, errors),
            Ok(meta) if meta.is_file() => {
                if opts.accepts(&path) {
                    sources.push(Source::File { relative: inside.join(&name), path });
                }
            }
            Ok(_) => {}
            Err(e) => errors.push(InputError::new(path.display().to_string(), e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_recursive_skipping_hidden_and_other_extensions() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/sub")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in ["b/sub/z.txt", "b/a.txt", "a.TXT", "notes.md", ".secret.txt", ".hidden/x.txt"] {
            fs::write(root.join(f), "نص").unwrap();
        }
        let arg = root.display().to_string();
        let (sources, errors) = collect_sources(std::slice::from_ref(&arg), &WalkOptions::default());
        assert!(errors.is_empty());
        let rel: Vec<String> = sources
            .iter()
            .map(|s| match s {
                Source::File { relative, .. } => relative.display().to_string(),
                Source::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(rel, ["a.TXT", "b/a.txt", "b/sub/z.txt"]);
        let all = WalkOptions { extensions: vec![] };
        let (sources, _) = collect_sources(&[arg], &all);
        assert_eq!(sources.len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_lists_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("d/sub")).unwrap();
        fs::write(root.join("d/a.txt"), "نص").unwrap();
        fs::write(root.join("d/sub/b.txt"), "نص").unwrap();
        std::os::unix::fs::symlink("..", root.join("d/sub/loop")).unwrap();
        let (sources, errors) = collect_sources(&[root.join("d").display().to_string()], &WalkOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(sources.len(), 2);
    }

    #[test]
    fn explicit_files_missing_paths_and_stdin() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("notes.md");
        fs::write(&md, "x").unwrap();
        let args = vec![md.display().to_string(), "-".to_string(), "/no/such/path".to_string()];
        let (sources, errors) = collect_sources(&args, &WalkOptions::default());
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[1], Source::Stdin);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "/no/such/path");
        let (sources, _) = collect_sources(&[], &WalkOptions::default());
        assert_eq!(sources, [Source::Stdin]);
    }
}
