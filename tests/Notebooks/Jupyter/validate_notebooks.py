"""Validates notebooks against the nbformat schema they declare, with Jupyter's own validator (nbformat).

Usage: /usr/bin/python3 validate_notebooks.py NOTEBOOK...
Prints one JSON line per notebook: {"path": ..., "valid": true|false, "problem": ...}. Warnings (such as
MissingIDFieldWarning, which a later nbformat turns into an error) count as problems.
"""
import json
import sys
import warnings

import nbformat


def check(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
            nbformat.validate(notebook)
        version = "%d.%d" % (notebook.nbformat, notebook.nbformat_minor)
        return {"path": path, "valid": True, "problem": None, "version": version}
    except Exception as error:  # ValidationError, a warning raised as an error, or a file that is not JSON
        return {"path": path, "valid": False, "problem": "%s: %s" % (type(error).__name__, str(error)[:2000])}


for argument in sys.argv[1:]:
    print(json.dumps(check(argument)))
