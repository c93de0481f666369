"""Offline, interactive network views: pyvis HTML with every resource inline.

Pure functions (no Streamlit): claim records -> nodes and edges -> a self-contained HTML page.
Remote <script>/<link> tags that pyvis adds (Bootstrap CDN) are stripped, labels and tooltips
are neutralised, and clicking a node opens its page in the app (the parent document).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from pyvis.network import Network

from graph.ui.html import STATUS_COLORS, neutralise, short

KIND_STYLE: dict[str, dict] = {
    "claim": {"shape": "dot", "size": 14},
    "article": {"shape": "box", "color": "#e2e8f0", "size": 12},
    "outlet": {"shape": "diamond", "color": "#1e3a8a", "size": 18},
    "entity": {"shape": "triangle", "color": "#7c3aed", "size": 12},
}
EDGE_STYLE: dict[str, dict] = {
    "confirms": {"color": "#16a34a", "width": 2},
    "disputes": {"color": "#dc2626", "width": 2, "dashes": True},
    "derived_from": {"color": "#f59e0b", "width": 2, "dashes": [2, 4]},
    "appears_in": {"color": "#cbd5e1", "width": 1},
    "published_by": {"color": "#94a3b8", "width": 1},
    "about": {"color": "#c4b5fd", "width": 1},
}
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script\s*>", re.IGNORECASE
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_LOCAL_REF = re.compile(
    r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']lib/[^>]*>(?:\s*</script>)?", re.IGNORECASE
)


@dataclass
class Node:
    id: str
    label: str
    kind: str  # claim | article | outlet | entity
    title: str = ""
    status: str | None = None
    link: str | None = None  # the app URL (query string) that opens the node


@dataclass
class ViewGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, node: Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def link(self, source: str, target: str, kind: str) -> None:
        edge = (source, target, kind)
        if source in self.nodes and target in self.nodes and edge not in self.edges:
            self.edges.append(edge)


def _query(page: str, **params: str) -> str:
    return "?" + urlencode({"page": page, **params})


def claim_network(records: list[dict], with_entities: bool = True) -> ViewGraph:
    """Claims, their articles and outlets (and entities); links among the shown claims."""
    net = ViewGraph()
    for r in records:
        net.add(Node(r["id"], short(r["text"], 32), "claim",
                     f"[{r['status']}] {r['text']}\n{r['outlet']} · "
                     f"{r['published'] or 'date unknown'}",
                     r["status"], _query("claim", id=r["id"])))
        article = "article:" + r["article"]
        net.add(Node(article, short(r["outlet"], 30) + " article", "article",
                     f"Article: {r['article']}", link=_query("claims", article=r["article"])))
        outlet = "outlet:" + r["outlet_domain"]
        net.add(Node(outlet, r["outlet"], "outlet", f"Outlet: {r['outlet']} ({r['outlet_domain']})",
                     link=_query("outlet", domain=r["outlet_domain"])))
        net.link(r["id"], article, "appears_in")
        net.link(article, outlet, "published_by")
        if with_entities:
            for name in r["entities"]:
                entity = "entity:" + name
                net.add(Node(entity, name, "entity", f"Entity: {name}",
                             link=_query("entity", name=name)))
                net.link(r["id"], entity, "about")
    for r in records:
        for relation, kind in (("confirmed_by", "confirms"), ("disputed_by", "disputes")):
            for other in r[relation]:
                net.link(other["claim"], r["id"], kind)
        for other in r["derived_from"]:
            net.link(r["id"], other["claim"], "derived_from")
    return net


def claim_neighbourhood(center: dict, links: list[dict], summaries: dict[str, dict]) -> ViewGraph:
    """One claim and the claims (or reviews) that confirm, dispute, copy or precede it.

    ``links`` rows: relation (confirms | disputes | derived_from | copied_by), claim, kind.
    """
    net = ViewGraph()
    net.add(Node(center["id"], short(center["text"], 40), "claim",
                 f"[{center['status']}] {center['text']}", center["status"]))
    for link in links:
        other = link["claim"]
        info = summaries.get(other)
        if info is None:  # a fact-checker review, not a claim
            net.add(Node(other, "fact-check review", "article", link.get("reason") or "review"))
        else:
            net.add(Node(other, short(info["outlet"], 30), "claim",
                         f"[{info['status']}] {info['text']}\n{info['outlet']} · "
                         f"{info['published'] or 'date unknown'}", info["status"],
                         _query("claim", id=other)))
        if link["relation"] == "derived_from":
            net.link(center["id"], other, "derived_from")
        elif link["relation"] == "copied_by":
            net.link(other, center["id"], "derived_from")
        else:
            net.link(other, center["id"], link["relation"])
    return net


def _safe_json(value: object) -> str:
    """JSON that cannot close a <script> element."""
    return (json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def strip_remote(html_text: str) -> str:
    """Drop <script src=http...>, <link href=http...> and unresolvable lib/ references."""
    html_text = _REMOTE_SCRIPT.sub("", html_text)
    html_text = _REMOTE_LINK.sub("", html_text)
    return _LOCAL_REF.sub("", html_text)


CLICK_SCRIPT = """
<style>h1:empty, center:empty { display: none; } body { margin: 0; } .card { border: 0; }</style>
<script>
(function () {
  var links = %s;
  function openInApp(search) {
    // The iframe may not navigate the app (sandbox without allow-top-navigation), but it is
    // same-origin: change the app's URL and let Streamlit rerun on popstate, as on Back.
    try {
      var app = window.parent;
      app.history.pushState({}, "", search);
      app.dispatchEvent(new app.PopStateEvent("popstate", {state: {}}));
    } catch (err) { window.open(search, "_blank", "noopener"); }
  }
  if (typeof network !== "undefined" && network) {
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length && links[params.nodes[0]]) {
        openInApp(links[params.nodes[0]]);
      }
    });
    var fit = function () { network.fit({animation: false}); };
    network.once("stabilized", fit);
    setTimeout(fit, 2500);
    window.cgNetwork = network;
    window.cgLinks = links;
  }
})();
</script>
"""


def network_html(net: ViewGraph, height: int = 620, physics: bool = True) -> str:
    """A self-contained HTML page (no network access) drawing ``net``."""
    view = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line",
                   bgcolor="#ffffff")
    for node in net.nodes.values():
        style = dict(KIND_STYLE[node.kind])
        if node.kind == "claim":
            style["color"] = STATUS_COLORS.get(node.status or "", "#6b7280")
        title = neutralise(node.title, 400)
        title = re.sub("href", "hr\u200bef", title, flags=re.IGNORECASE)  # keep pyvis' text popup
        view.add_node(node.id, label=neutralise(node.label, 60), title=title, **style)
    for source, target, kind in net.edges:
        view.add_edge(source, target, title=kind.replace("_", " "), **EDGE_STYLE[kind])
    view.set_options(json.dumps({
        "physics": {"enabled": physics, "stabilization": {"iterations": 200, "fit": True},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120,
                                  "centralGravity": 0.6, "avoidOverlap": 0.4}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 15, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 3}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"type": "continuous"}},
    }))
    page = strip_remote(view.generate_html())
    links = {n.id: n.link for n in net.nodes.values() if n.link}
    return page.replace("</body>", CLICK_SCRIPT % _safe_json(links) + "</body>", 1)
