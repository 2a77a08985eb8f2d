//! Edits of an assessment's structure (docs/FORMAT.md §Units and products): adding, renaming,
//! removing and moving service units and products. Ids are fresh for the file (`next_id`), so an
//! id is never reused after a removal; the last unit and a unit's last product are never removed,
//! because a file with an empty unit does not open (docs/FORMAT.md §What opening a file checks).

use super::{Assessment, Product, Unit};

impl Assessment {
    /// A new id for a unit (`u`) or product (`p`), never used before in this file.
    fn fresh_id(&mut self, prefix: char) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    /// Adds a unit **without** a product and returns its id; the caller adds at least one with
    /// [`Assessment::add_product`], because a file with an empty unit does not open
    /// (docs/FORMAT.md §What opening a file checks).
    ///
    /// ```
    /// # use patuh_core::{instrument, Assessment};
    /// # let ins = instrument::by_id("ori-2022").unwrap();
    /// let mut a = Assessment::new("a", ins, "Dinas", "Unit 1", "Produk 1");
    /// let u = a.add_unit("Unit 2");
    /// assert!(a.units[1].products.is_empty());
    /// a.add_product(&u, "Produk 2");
    /// assert_eq!(a.units[1].products.len(), 1);
    /// ```
    pub fn add_unit(&mut self, name: &str) -> String {
        let id = self.fresh_id('u');
        self.units.push(Unit { id: id.clone(), name: name.to_string(), ..Unit::default() });
        id
    }

    /// Adds a product to a unit; returns its id (`None` if the unit does not exist).
    pub fn add_product(&mut self, unit: &str, name: &str) -> Option<String> {
        let id = self.fresh_id('p');
        let u = self.unit_mut(unit)?;
        u.products.push(Product { id: id.clone(), name: name.to_string(), ..Product::default() });
        Some(id)
    }

    /// Renames a unit.
    pub fn rename_unit(&mut self, unit: &str, name: &str) {
        if let Some(u) = self.unit_mut(unit) {
            u.name = name.to_string();
        }
    }

    /// Renames a product.
    pub fn rename_product(&mut self, unit: &str, product: &str, name: &str) {
        if let Some(p) =
            self.unit_mut(unit).and_then(|u| u.products.iter_mut().find(|p| p.id == product))
        {
            p.name = name.to_string();
        }
    }

    /// Removes a unit, but never the last one.
    pub fn remove_unit(&mut self, unit: &str) {
        if self.units.len() > 1 {
            self.units.retain(|u| u.id != unit);
        }
    }

    /// Removes a product, but never a unit's last one.
    pub fn remove_product(&mut self, unit: &str, product: &str) {
        if let Some(u) = self.unit_mut(unit) {
            if u.products.len() > 1 {
                u.products.retain(|p| p.id != product);
            }
        }
    }

    /// Moves a unit one place up (`-1`) or down (`+1`).
    pub fn move_unit(&mut self, unit: &str, delta: i32) {
        if let Some(i) = self.units.iter().position(|u| u.id == unit) {
            let j = i as i64 + i64::from(delta);
            if (0..self.units.len() as i64).contains(&j) {
                self.units.swap(i, j as usize);
            }
        }
    }

    /// Moves a product one place up (`-1`) or down (`+1`) inside its unit.
    pub fn move_product(&mut self, unit: &str, product: &str, delta: i32) {
        if let Some(u) = self.unit_mut(unit) {
            if let Some(i) = u.products.iter().position(|p| p.id == product) {
                let j = i as i64 + i64::from(delta);
                if (0..u.products.len() as i64).contains(&j) {
                    u.products.swap(i, j as usize);
                }
            }
        }
    }
}
