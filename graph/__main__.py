from graph.cli import main

main(prog_name="claimgraph")
