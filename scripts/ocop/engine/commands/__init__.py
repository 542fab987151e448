"""The `ocop` commands, one module each (as MkDocs has `mkdocs/commands/`): each declares its arguments
(`add_parser`) and runs (`run`) by calling the layers below, printing what they return in Vietnamese.
`loading.py` reads mkdocs.yml and the project once a run; `issuing.py` issues new short codes around a
build; `print_files.py` is what every print-file command says; `build.run_engine` starts the site engine
in a child process. The entry point and the shared parser are in `engine/cli.py`."""
