use super::*;

#[test]
fn relative_paths_step_up_when_needed() {
    assert_eq!(
        relative_path(Path::new("/a/b"), Path::new("/a/b/c/d.txt")),
        Some(PathBuf::from("c/d.txt"))
    );
    assert_eq!(
        relative_path(Path::new("/a/b"), Path::new("/a/x/d.txt")),
        Some(PathBuf::from("../x/d.txt"))
    );
}

#[test]
fn hashes_differ_for_different_bytes() {
    assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    assert_eq!(content_hash(b""), "fnv1a64:cbf29ce484222325");
}

#[test]
fn removing_a_document_renumbers_the_rest() {
    let anchor = |document| Anchor {
        document,
        start: 0,
        end: 1,
        quote: "x".into(),
        before: String::new(),
        after: String::new(),
    };
    let mut session = Session::default();
    for name in ["a", "b", "c"] {
        session.documents.push(SessionDocument {
            path: name.into(),
            absolute: String::new(),
            name: None,
            outlet: None,
            hash: String::new(),
            size: 0,
        });
    }
    session.edits.notes.push(SessionNote {
        target: NoteTarget::Span(anchor(1)),
        text: "gone".into(),
    });
    session.edits.notes.push(SessionNote {
        target: NoteTarget::Span(anchor(2)),
        text: "kept".into(),
    });
    assert_eq!(session.remove_document(1), 1);
    assert_eq!(session.edits.notes.len(), 1);
    assert_eq!(session.edits.notes[0].target.anchor().document, 1);
}
