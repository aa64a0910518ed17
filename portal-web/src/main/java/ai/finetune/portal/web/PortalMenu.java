package ai.finetune.portal.web;

import ai.finetune.portal.users.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.DefaultSubMenu;
import org.primefaces.model.menu.MenuModel;

/**
 * {@code #{portalMenu.model}}: the side menu. Every planned entry is listed in {@link #SECTIONS}; an entry shows
 * when the caller's role may use it and its page exists in the application (the WAR or a jar's
 * META-INF/resources). So adding a page makes it appear, and no menu item leads nowhere.
 */
@Named("portalMenu")
@RequestScoped
public class PortalMenu {

    /** A menu entry: the label, the page path, the roles that may open it (mirrors web.xml), a PrimeIcons icon. */
    public record Entry(String label, String page, Set<Role> roles, String icon) {
        // bean-style accessors: Jakarta EL 5 does not see record components
        public String getLabel() { return label; }
        public String getPage() { return page; }
        public String getIcon() { return icon; }
    }

    public record Section(String label, List<Entry> entries) {
        public String getLabel() { return label; }
        public List<Entry> getEntries() { return entries; }
    }

    static final List<Section> SECTIONS = List.of(
            new Section("Admin", List.of(
                    new Entry("Users", "/admin/users.xhtml", Set.of(Role.ADMIN), "pi pi-users"),
                    new Entry("Datasets", "/admin/datasets/index.xhtml", Set.of(Role.ADMIN), "pi pi-database"),
                    new Entry("Runs", "/admin/runs/index.xhtml", Set.of(Role.ADMIN), "pi pi-play"),
                    new Entry("Models", "/admin/models/index.xhtml", Set.of(Role.ADMIN), "pi pi-box"),
                    new Entry("Labelers", "/admin/labeling/labelers.xhtml", Set.of(Role.ADMIN), "pi pi-id-card"),
                    new Entry("Labeling items", "/admin/labeling/items.xhtml", Set.of(Role.ADMIN), "pi pi-list"),
                    new Entry("Review demonstrations", "/admin/labeling/demonstrations.xhtml", Set.of(Role.ADMIN), "pi pi-check-circle"),
                    new Entry("Screening test", "/admin/labeling/screening.xhtml", Set.of(Role.ADMIN), "pi pi-check-square"),
                    new Entry("Edit guidelines", "/admin/labeling/guidelines.xhtml", Set.of(Role.ADMIN), "pi pi-pencil"),
                    new Entry("Prompt use cases", "/admin/labeling/use-cases.xhtml", Set.of(Role.ADMIN), "pi pi-bookmark"))),
            new Section("Labeling", List.of(
                    new Entry("My labeling", "/labeling/index.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-tags"),
                    new Entry("Guidelines", "/labeling/guidelines.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-book"),
                    new Entry("Take the screening test", "/labeling/screening.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-verified"),
                    new Entry("Write prompts", "/labeling/prompts.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-pencil"),
                    new Entry("Write demonstrations", "/labeling/demonstrations.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-comment"),
                    new Entry("Rank outputs", "/labeling/rank.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-sort-amount-down"),
                    new Entry("Compare responses", "/labeling/compare.xhtml", Set.of(Role.LABELER, Role.ADMIN), "pi pi-clone"))),
            new Section("Dashboards", List.of(
                    new Entry("Overview", "/dashboards/index.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-chart-bar"),
                    new Entry("Win rates", "/dashboards/win-rates.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-percentage"),
                    new Entry("Leaderboard", "/dashboards/leaderboard.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-sort-numeric-down"),
                    new Entry("Code", "/dashboards/code.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-code"),
                    new Entry("Alignment", "/dashboards/alignment.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-shield"),
                    new Entry("Training health", "/dashboards/training.xhtml", Set.of(Role.STAKEHOLDER, Role.ADMIN), "pi pi-heart"))),
            new Section("Account", List.of(
                    new Entry("Home", "/index.xhtml", Set.of(Role.values()), "pi pi-home"),
                    new Entry("Change password", "/account/password.xhtml", Set.of(Role.values()), "pi pi-key"))));

    @Inject
    SecurityContext security;

    private MenuModel model;

    public MenuModel getModel() {
        if (model == null) {
            model = build();
        }
        return model;
    }

    /** The visible sections, for pages that list them (the home page). */
    public List<Section> getVisibleSections() {
        List<Section> visible = new ArrayList<>();
        for (Section s : SECTIONS) {
            List<Entry> entries = s.entries().stream().filter(this::visible).toList();
            if (!entries.isEmpty()) {
                visible.add(new Section(s.label(), entries));
            }
        }
        return visible;
    }

    private MenuModel build() {
        DefaultMenuModel m = new DefaultMenuModel();
        String ctx = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        for (Section s : getVisibleSections()) {
            DefaultSubMenu sub = DefaultSubMenu.builder().label(s.label()).build();
            for (Entry e : s.entries()) {
                sub.getElements().add(DefaultMenuItem.builder()
                        .value(e.label())
                        .icon(e.icon())
                        .url(ctx + e.page())
                        .id("menu-" + e.page().replaceAll("[^a-zA-Z0-9]", "-"))
                        .build());
            }
            m.getElements().add(sub);
        }
        return m;
    }

    private boolean visible(Entry e) {
        return e.roles().stream().anyMatch(r -> security.isCallerInRole(r.name())) && pageExists(e.page());
    }

    static boolean pageExists(String page) {
        try {
            return FacesContext.getCurrentInstance().getExternalContext().getResource(page) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
