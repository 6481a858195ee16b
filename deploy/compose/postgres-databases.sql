-- The query service's database beside the command service's (POSTGRES_DB); each service owns its own.
create database sagsspor_query owner sagsspor;
