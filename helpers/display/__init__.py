"""Showing things to readers: widgets that answer in the browser, and the view cache."""
