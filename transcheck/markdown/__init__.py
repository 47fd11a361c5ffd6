"""Reading Markdown files (decoding, limits) and parsing them into segments."""
