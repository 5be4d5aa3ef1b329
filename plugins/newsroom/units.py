"""Pages that list the articles of each unit (đơn vị), like Pelican's author pages."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator


class UnitsGenerator(Generator):
    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        units = self.context.get("units", [])
        template = self.get_template("unit")
        for unit, articles in units:
            write(
                unit.save_as,
                template,
                self.context,
                url=unit.url,
                unit=unit,
                articles=articles,
                dates=articles,
                template_name="unit",
                blog=True,
                page_name=unit.page_name,
            )
        write(
            self.settings["UNITS_SAVE_AS"],
            self.get_template("units"),
            self.context,
            template_name="units",
            page_name="don-vi/index",
        )
