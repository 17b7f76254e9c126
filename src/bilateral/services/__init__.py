"""Use cases: the only API that the CLI, the web pages and the REST API call."""
