#!/bin/sh
# Runs once when the PostgreSQL volume is first created: Contactflow's own role and database.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
create role contactflow login password '${CONTACTFLOW_DB_PASSWORD:-contactflow}';
create database contactflow owner contactflow;
SQL
