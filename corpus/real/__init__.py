"""The real-language labelled set: labels for text in `../shared/realdocs/`, kept by reference.

No sentence of a source document lives here: every label names its document by SHA-256 and its
item by character span into `canonical_text`, and the text is read from the shared folder.
"""
