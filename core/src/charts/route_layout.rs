//! Layout of the route flow (Sankey-like): which touchpoints take part, which column each
//! stands in, and which routes run backwards (loops). Pure geometry-free graph work, so it
//! can be tested on its own.

/// A touchpoint in the route flow (the chart's input, laid out here).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowNode {
    pub id: String,
    pub label: String,
    /// Column (usually the stage index); when any node lacks one, columns follow the routes.
    pub column: Option<usize>,
}

/// A route with its volume (the chart's input).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowLink {
    pub from: String,
    pub to: String,
    /// Customers per period on this route.
    pub volume: f64,
}

/// A node that carries volume, with its column.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode {
    pub id: String,
    pub label: String,
    pub column: usize,
    /// Largest of inflow and outflow: the node's drawn size.
    pub size: f64,
}

/// Which way a route runs between columns; each is drawn differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// To a later column: a band.
    Forward,
    /// Within one column (e.g. two touchpoints of one stage): a bracket beside the column.
    Within,
    /// To an earlier column, or closing a cycle: a loop under the chart.
    Backward,
}

/// A route with volume between two placed nodes (indices into `nodes`).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLink {
    pub from: usize,
    pub to: usize,
    pub volume: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    pub nodes: Vec<PlacedNode>,
    pub links: Vec<PlacedLink>,
    pub columns: usize,
    /// The input column each layout column came from, when the input gave columns.
    pub source_columns: Option<Vec<usize>>,
}

/// Builds the layout; `None` when no route has a positive volume.
pub fn layout(nodes: &[FlowNode], links: &[FlowLink]) -> Option<FlowLayout> {
    let mut placed: Vec<PlacedNode> = Vec::new();
    let mut given_columns: Vec<Option<usize>> = Vec::new();
    let index_of = |id: &str, placed: &mut Vec<PlacedNode>, given: &mut Vec<Option<usize>>| -> usize {
        if let Some(i) = placed.iter().position(|n| n.id == id) {
            return i;
        }
        // A route may name a touchpoint the node list lacks (typed in by hand): it still
        // counts, labelled with its id.
        let known = nodes.iter().find(|n| n.id == id);
        placed.push(PlacedNode {
            id: id.to_string(),
            label: known.map(|n| n.label.clone()).unwrap_or_else(|| id.to_string()),
            column: 0,
            size: 0.0,
        });
        given.push(known.and_then(|n| n.column));
        placed.len() - 1
    };
    // Nodes in input order first, so that the drawing keeps the map's order.
    let mut used: Vec<&FlowLink> = links.iter().filter(|l| l.volume.is_finite() && l.volume > 0.0 && l.from != l.to).collect();
    used.sort_by_key(|l| {
        let pos = |id: &str| nodes.iter().position(|n| n.id == id).unwrap_or(usize::MAX);
        (pos(&l.from), pos(&l.to))
    });
    let mut placed_links: Vec<PlacedLink> = Vec::new();
    for node in nodes {
        if used.iter().any(|l| l.from == node.id || l.to == node.id) {
            index_of(&node.id, &mut placed, &mut given_columns);
        }
    }
    for l in &used {
        let from = index_of(&l.from, &mut placed, &mut given_columns);
        let to = index_of(&l.to, &mut placed, &mut given_columns);
        match placed_links.iter_mut().find(|p| p.from == from && p.to == to) {
            Some(p) => p.volume += l.volume,
            None => placed_links.push(PlacedLink { from, to, volume: l.volume, direction: Direction::Forward }),
        }
    }
    if placed_links.is_empty() {
        return None;
    }
    let given = given_columns.iter().all(Option::is_some);
    let (columns, source_columns) = if given {
        let mut distinct: Vec<usize> = given_columns.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let cols = given_columns.iter().map(|c| distinct.iter().position(|d| Some(*d) == *c).unwrap_or(0)).collect();
        (cols, Some(distinct))
    } else {
        (longest_path_columns(placed.len(), &placed_links), None)
    };
    for (node, column) in placed.iter_mut().zip(&columns) {
        node.column = *column;
    }
    for link in &mut placed_links {
        let (a, b) = (columns[link.from], columns[link.to]);
        link.direction = match b.cmp(&a) {
            std::cmp::Ordering::Greater => Direction::Forward,
            // Computed columns put every forward route one column on at least, so an edge
            // within a column there is one that closes a cycle.
            std::cmp::Ordering::Equal if given => Direction::Within,
            _ => Direction::Backward,
        };
    }
    for (i, node) in placed.iter_mut().enumerate() {
        let inflow: f64 = placed_links.iter().filter(|l| l.to == i).map(|l| l.volume).sum();
        let outflow: f64 = placed_links.iter().filter(|l| l.from == i).map(|l| l.volume).sum();
        node.size = inflow.max(outflow);
    }
    let count = columns.iter().copied().max().unwrap_or(0) + 1;
    Some(FlowLayout { nodes: placed, links: placed_links, columns: count, source_columns })
}

/// Columns from the graph alone: routes closing a cycle (found by depth-first search from
/// the nodes in order) are ignored, then each node stands one column right of its furthest
/// predecessor.
fn longest_path_columns(n: usize, links: &[PlacedLink]) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut back = vec![false; links.len()];
    let mut order = Vec::with_capacity(n);
    for start in 0..n {
        if mark[start] != Mark::New {
            continue;
        }
        // Iterative DFS (no recursion depth limits on big typed-in graphs).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        mark[start] = Mark::Open;
        while let Some((node, next)) = stack.pop() {
            let outgoing: Vec<usize> = (0..links.len()).filter(|&k| links[k].from == node).collect();
            if next < outgoing.len() {
                stack.push((node, next + 1));
                let k = outgoing[next];
                let to = links[k].to;
                match mark[to] {
                    Mark::Open => back[k] = true,
                    Mark::New => {
                        mark[to] = Mark::Open;
                        stack.push((to, 0));
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                order.push(node);
            }
        }
    }
    // Reverse post-order is a topological order of the graph without back edges.
    let mut column = vec![0usize; n];
    for &node in order.iter().rev() {
        for (k, l) in links.iter().enumerate() {
            if l.from == node && !back[k] {
                column[l.to] = column[l.to].max(column[node] + 1);
            }
        }
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, column: Option<usize>) -> FlowNode {
        FlowNode { id: id.into(), label: id.to_uppercase(), column }
    }

    fn link(from: &str, to: &str, volume: f64) -> FlowLink {
        FlowLink { from: from.into(), to: to.into(), volume }
    }

    #[test]
    fn columns_follow_the_graph_and_loops_are_marked() {
        let nodes = [node("a", None), node("b", None), node("c", None), node("d", None)];
        let links = [link("a", "b", 10.0), link("b", "c", 6.0), link("a", "c", 4.0), link("c", "a", 2.0), link("d", "d", 9.0)];
        let l = layout(&nodes, &links).unwrap();
        let col = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap().column;
        assert_eq!((col("a"), col("b"), col("c")), (0, 1, 2));
        assert!(l.nodes.iter().all(|n| n.id != "d"), "self-loops carry no flow between touchpoints");
        assert_eq!(l.links.iter().filter(|x| x.direction == Direction::Backward).count(), 1);
        let c = l.nodes.iter().find(|n| n.id == "c").unwrap();
        assert_eq!(c.size, 10.0, "inflow 6 + 4 beats outflow 2");
    }

    #[test]
    fn given_columns_are_kept_but_compacted() {
        let nodes = [node("a", Some(0)), node("b", Some(3)), node("c", Some(3))];
        let links = [link("a", "b", 1.0), link("a", "c", 1.0), link("b", "c", 1.0), link("a", "b", 2.0)];
        let l = layout(&nodes, &links).unwrap();
        assert_eq!(l.columns, 2);
        assert_eq!(l.source_columns, Some(vec![0, 3]));
        assert_eq!(l.links.len(), 3, "duplicate routes add up");
        assert_eq!(l.links[0].volume, 3.0);
        assert_eq!(l.links[2].direction, Direction::Within, "b → c stay in their column");
        assert_eq!(l.links[0].direction, Direction::Forward);
    }

    #[test]
    fn unknown_ids_become_nodes_and_no_volume_means_no_layout() {
        let l = layout(&[], &[link("x", "y", 5.0)]).unwrap();
        assert_eq!(l.nodes.len(), 2);
        assert_eq!(l.nodes[1].label, "y");
        assert!(layout(&[node("a", None)], &[link("a", "b", 0.0), link("a", "b", f64::NAN)]).is_none());
    }
}
