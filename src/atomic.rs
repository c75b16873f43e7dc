//! Files written whole or not at all.
//!
//! The new content goes to a temporary file in the directory of the file
//! it replaces, is flushed to the disk, and only then takes the file's
//! name (a rename, which the file system does at once). Until that moment
//! the old file is untouched; after it, the new one is whole. Readers and
//! other writers see one or the other, never a mix: of two writers at
//! once, the last to rename wins.
//!
//! On Linux the temporary file has no name while it is written
//! (`O_TMPFILE`), so that a process killed while writing leaves nothing
//! behind; it is given a name just before the rename. Elsewhere, or on a
//! file system without `O_TMPFILE`, it is a hidden file next to the
//! target, removed when anything fails.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Writes `parts`, one after the other, as the file at `path`, replacing
/// it only when all of them are written and on the disk. A link is
/// followed: the file it points to is replaced, the link kept. The new
/// file keeps the permissions of the old one.
///
/// # Errors
/// Any error creating, writing or renaming the temporary file, which is
/// then removed; `path` a directory ("is a directory"), a device or other
/// special file ("not a regular file"), or in a directory that does not
/// exist ("no such directory"). The old file is then as it was.
pub(crate) fn write_atomically(path: &Path, parts: &[&[u8]]) -> io::Result<()> {
    let target = target_of(path)?;
    let dir = parent_dir(&target);
    let perms = fs::metadata(&target).ok().map(|m| m.permissions());
    #[cfg(target_os = "linux")]
    if let Some(done) = unnamed::write(dir, &target, parts, perms.as_ref()) {
        return done;
    }
    write_named(dir, &target, parts, perms.as_ref())
}

/// The file to replace: `path`, or the file a link at `path` points to.
fn target_of(path: &Path) -> io::Result<PathBuf> {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    // A dangling link is replaced by the new file.
    let target = match link {
        true => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(io::ErrorKind::IsADirectory.into()),
        Ok(m) if !m.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        )),
        _ => Ok(target),
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Writes through a hidden temporary file next to `target`, removed if
/// anything fails.
fn write_named(
    dir: &Path,
    target: &Path,
    parts: &[&[u8]],
    perms: Option<&Permissions>,
) -> io::Result<()> {
    let (tmp, file) = with_fresh_name(dir, target, |tmp| {
        OpenOptions::new().write(true).create_new(true).open(tmp)
    })?;
    let done = fill(&file, parts, perms).and_then(|()| fs::rename(&tmp, target));
    drop(file);
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        sync_dir(dir);
    }
    done
}

/// Writes the parts, sets the permissions and flushes the file to the disk.
fn fill(mut file: &File, parts: &[&[u8]], perms: Option<&Permissions>) -> io::Result<()> {
    for part in parts {
        file.write_all(part)?;
    }
    if let Some(perms) = perms {
        file.set_permissions(perms.clone())?;
    }
    file.sync_all()
}

/// Calls `make` with unused names for a temporary file next to `target`
/// until one is free: `.NAME.PID-N.pincite-tmp`. A missing directory is
/// "no such directory".
fn with_fresh_name<T>(
    dir: &Path,
    target: &Path,
    mut make: impl FnMut(&Path) -> io::Result<T>,
) -> io::Result<(PathBuf, T)> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let base = target.file_name().unwrap_or_default();
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let mut name = OsString::from(".");
        name.push(base);
        name.push(format!(".{}-{n}.pincite-tmp", std::process::id()));
        let tmp = dir.join(name);
        match make(&tmp) {
            Ok(made) => return Ok((tmp, made)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound && !dir.is_dir() => {
                return Err(io::Error::new(io::ErrorKind::NotFound, "no such directory"));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Flushes a directory's entries (the rename) to the disk, where the
/// system allows it.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(target_os = "linux")]
mod unnamed {
    use super::*;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;

    /// Writes an unnamed file in `dir` (`O_TMPFILE`), names it and renames
    /// it over `target`. `None` when the file system has no unnamed files
    /// or they cannot be named (no `/proc`): write a named one instead.
    pub(super) fn write(
        dir: &Path,
        target: &Path,
        parts: &[&[u8]],
        perms: Option<&Permissions>,
    ) -> Option<io::Result<()>> {
        let file = OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_TMPFILE)
            .open(dir)
            .ok()?;
        if let Err(e) = fill(&file, parts, perms) {
            return Some(Err(e));
        }
        let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
        let (tmp, ()) = with_fresh_name(dir, target, |tmp| link(&fd, tmp)).ok()?;
        let done = fs::rename(&tmp, target);
        if done.is_err() {
            let _ = fs::remove_file(&tmp);
        } else {
            sync_dir(dir);
        }
        Some(done)
    }

    /// Gives the file open as `/proc/self/fd/N` the name `to`.
    fn link(fd: &str, to: &Path) -> io::Result<()> {
        let from = std::ffi::CString::new(fd)?;
        let to = std::ffi::CString::new(to.as_os_str().as_bytes())?;
        // SAFETY: both pointers are to NUL-terminated strings that live
        // until the call returns; linkat only reads them.
        let r = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if r == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp directory, removed on drop.
    struct Dir(PathBuf);

    impl Dir {
        fn new(name: &str) -> Dir {
            let p =
                std::env::temp_dir().join(format!("pincite-atomic-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&p);
            fs::create_dir(&p).unwrap();
            Dir(p)
        }

        fn names(&self) -> Vec<String> {
            let mut names: Vec<String> = fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn new_content_replaces_the_old_whole_and_no_temporary_file_stays() {
        let d = Dir::new("replace");
        let f = d.0.join("out.idx");
        fs::write(&f, b"old").unwrap();
        write_atomically(&f, &[b"new ", b"content"]).unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"new content");
        write_named(&d.0, &f, &[b"named"], None).unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"named");
        assert_eq!(d.names(), ["out.idx"]);
    }

    #[test]
    fn failures_leave_the_old_file_and_nothing_else() {
        let d = Dir::new("fail");
        let sub = d.0.join("sub");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("keep.txt"), b"kept").unwrap();
        let e = write_atomically(&sub, &[b"x"]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
        let e = write_atomically(&d.0.join("missing/out.idx"), &[b"x"]).unwrap_err();
        assert_eq!(e.to_string(), "no such directory");
        // The rename fails: a directory is in the way of the named file.
        let e = write_named(&d.0, &sub, &[b"x"], None).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory, "{e}");
        assert_eq!(d.names(), ["sub"]);
        assert_eq!(fs::read(sub.join("keep.txt")).unwrap(), b"kept");
        #[cfg(unix)]
        {
            let e = write_atomically(Path::new("/dev/null"), &[b"x"]).unwrap_err();
            assert_eq!(e.to_string(), "not a regular file");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept_and_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let d = Dir::new("link");
        let real = d.0.join("real.idx");
        fs::write(&real, b"old").unwrap();
        fs::set_permissions(&real, Permissions::from_mode(0o640)).unwrap();
        let link = d.0.join("link.idx");
        std::os::unix::fs::symlink("real.idx", &link).unwrap();
        write_atomically(&link, &[b"new"]).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        let mode = fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(d.names(), ["link.idx", "real.idx"]);
    }

    #[test]
    fn concurrent_writers_leave_one_whole_file() {
        let d = Dir::new("race");
        let f = d.0.join("out.idx");
        let contents: Vec<Vec<u8>> = (0..4u8).map(|i| vec![b'a' + i; 100_000]).collect();
        std::thread::scope(|s| {
            for c in &contents {
                let f = &f;
                s.spawn(move || {
                    for _ in 0..10 {
                        write_atomically(f, &[c]).unwrap();
                    }
                });
            }
        });
        let got = fs::read(&f).unwrap();
        assert!(contents.contains(&got), "a mix of writers");
        assert_eq!(d.names(), ["out.idx"]);
    }
}
