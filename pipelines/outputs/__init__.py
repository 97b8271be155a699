"""Files: CSV and Parquet written whole into a folder, datapackage.json, and report.html."""
