#!/bin/sh
# Registers the namespace and Contactflow's search attributes (the worker also registers them at start).
set -eu
temporal operator namespace describe -n "$DEFAULT_NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create -n "$DEFAULT_NAMESPACE" --retention 30d
