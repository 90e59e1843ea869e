"""Grammar and spelling by LanguageTool: obtain it, run one local server, check, map matches to findings."""
