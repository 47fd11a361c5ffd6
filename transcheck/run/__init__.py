"""The run: discover pages, check each (parse -> analyse -> rules -> policy), gather a report."""
