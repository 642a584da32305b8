"""Demo coaching: placeholder replaced below."""
