#!/usr/bin/env bash
# Lists every line of the C# and Razor sources longer than max_line_length (.editorconfig, 120) as
# file:line: length, and fails when there is one. Counts characters, not bytes (UTF-8).
set -uo pipefail
cd "$(dirname "$0")/.."

max=$(sed -n 's/^max_line_length *= *\([0-9]\+\).*/\1/p' .editorconfig | head -n 1)
max=${max:-120}

long=$(git ls-files -z -- '*.cs' '*.razor' | xargs -0 -r perl -CSD -ne '
    chomp;
    print "$ARGV:$.: ", length($_), " characters\n" if length($_) > '"$max"';
    close ARGV if eof;')

if [[ -n $long ]]; then
    echo "$long"
    echo "$(wc -l <<< "$long") lines over $max characters (max_line_length in .editorconfig)."
    exit 1
fi

echo "No line over $max characters."
