#!/usr/bin/env bash
# Set-up on a fresh machine: checks the .NET SDK and restores every project's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
echo "setup: dotnet $(dotnet --version)"
dotnet restore Frontend.sln
