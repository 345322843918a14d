#!/bin/sh
# Prints the python3 that can import jsonschema, or nothing: python3 on PATH first, then Debian's
# own, which is where the python3-jsonschema package installs when PATH starts with another
# python3 (pyenv, a virtualenv). Shared by the tests that validate against JSON Schemas.
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jsonschema' 2>/dev/null; then
		echo "$py"
		exit 0
	fi
done
